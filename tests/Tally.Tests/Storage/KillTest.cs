using System.Diagnostics;
using Tally.Storage;

namespace Tally.Tests.Storage;

/// <summary>
/// An ingest killed at random points and run again ends in the same record as a run never interrupted: the command
/// runs as a real process and is killed outright (no chance to clean up).
/// </summary>
public class KillTest
{
    private const int Articles = 400;

    [Fact]
    public void KilledIngests_RerunToTheSameRecord_Sqlite() => KilledIngests_RerunToTheSameRecord(StoreKind.Sqlite);

    [PostgresFact]
    public void KilledIngests_RerunToTheSameRecord_Postgres() => KilledIngests_RerunToTheSameRecord(StoreKind.PostgreSql);

    private static void KilledIngests_RerunToTheSameRecord(StoreKind kind)
    {
        var corpus = TestCorpus.Write(Articles);
        try
        {
            string clean = Backends.New(kind);
            using (var store = Store.Open(clean))
            {
                TestCorpus.Ingest(store, corpus);
            }

            string killed = Backends.New(kind);
            // Kill points: when the record holds a random number of committed articles, so that every kill lands
            // in the middle of a run, wherever the batch boundary is.
            var random = new Random(20261122);
            var targets = Enumerable.Range(0, 6).Select(_ => random.Next(15, Articles - 20)).Order().ToList();
            int killedMidway = 0;
            foreach (int target in targets)
            {
                using var process = Start(killed, corpus);
                var clock = Stopwatch.StartNew();
                while (!process.HasExited && Committed(killed) < target && clock.Elapsed < TimeSpan.FromMinutes(2))
                {
                    Thread.Sleep(random.Next(1, 15));
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    killedMidway++;
                }

                process.WaitForExit();
            }

            using (var finish = Start(killed, corpus))
            {
                finish.WaitForExit();
                Assert.True(finish.ExitCode is 0 or 1, $"the last run ended with {finish.ExitCode}: {finish.StandardError.ReadToEnd()}");
            }

            Assert.True(killedMidway >= 5, $"only {killedMidway} runs were killed before they finished");
            using var a = Store.Open(clean);
            using var b = Store.Open(killed);
            Assert.Equal(Articles, a.Count().Articles);
            Assert.Equal(a.Dump(), b.Dump());
        }
        finally
        {
            File.Delete(corpus);
        }
    }

    private static long Committed(string db)
    {
        try
        {
            using var store = Store.Open(db);
            return store.Count().Articles;
        }
        catch (Exception e) when (e is System.Data.Common.DbException)
        {
            return 0; // not created yet, or busy
        }
    }

    private static Process Start(string db, string corpus)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Tally.Cli.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "ingest", "--db", db, "--batch", "10", corpus })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("cannot start the tally command");
    }
}
