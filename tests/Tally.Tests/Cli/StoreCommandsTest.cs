using System.Text.Json;
using Tally.Tests.Storage;

namespace Tally.Tests.Cli;

public class StoreCommandsTest
{
    [Fact]
    public void Ingest_ThenQuery_ArticlesClaimsAndProblems()
    {
        var db = Backends.NewSqlite();
        var corpus = TestCorpus.Write(12);
        try
        {
            var ingest = CliRunner.Run(null, "ingest", "--db", db, corpus);
            Assert.Equal(1, ingest.ExitCode); // one line was skipped, and said so
            Assert.Contains("12 articles", ingest.Stderr);
            Assert.Contains("12 new", ingest.Stderr);
            Assert.Contains("1 problems", ingest.Stderr);

            var again = CliRunner.Run(null, "ingest", "--db", db, corpus);
            Assert.Contains("0 new, 0 changed, 12 unchanged", again.Stderr);

            var articles = CliRunner.Run(null, "articles", "--db", db, "--format", "json").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(12, articles.Count);
            Assert.Equal("a0000", articles[0].GetProperty("id").GetString());
            Assert.Equal(0, articles[0].GetProperty("duplicate_of").GetArrayLength());

            var saraqeb = CliRunner.Run(null, "claims", "--db", db, "--place", "Saraqib", "--format", "csv").Lines;
            Assert.StartsWith("article,ordinal,date", saraqeb[0], StringComparison.Ordinal);
            Assert.True(saraqeb.Length > 1);
            Assert.All(saraqeb.Skip(1), l => Assert.Contains(",Saraqeb,Idlib,", l, StringComparison.Ordinal));

            // The spec's export from the record: claims without their spans, and the tallies.
            var line = JsonDocument.Parse(CliRunner.Run(null, "claims", "--db", db, "--article", "a0001", "--format", "claims").Lines.Single()).RootElement;
            Assert.Equal("a0001", line.GetProperty("id").GetString());
            Assert.False(line.GetProperty("claims")[0].TryGetProperty("spans", out _));
            Assert.True(CliRunner.Run(null, "claims", "--db", db, "--format", "json").Lines.All(l => l.Contains("\"spans\":{", StringComparison.Ordinal)));

            var problems = CliRunner.Run(null, "problems", "--db", db);
            Assert.Contains($"{corpus}:4: skipped:", problems.Stdout);
            Assert.Contains("1 problem", problems.Stdout);

            var badDate = CliRunner.Run(null, "claims", "--db", db, "--from", "29/08/2019");
            Assert.Equal(2, badDate.ExitCode);
            Assert.Contains("--from", badDate.Stderr);
        }
        finally
        {
            File.Delete(corpus);
        }
    }

    [Fact]
    public async Task Ingest_Watch_TakesTheFilesThatArriveWhileItRuns()
    {
        var db = Backends.NewSqlite();
        var folder = Path.Combine(Path.GetTempPath(), "tally-watch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "first.txt"), "Two people were killed in shelling on Ariha.");
            var run = Task.Run(() => CliRunner.Run(null, "ingest", "--db", db, "--watch", folder, "--interval", "0.1", "--watch-for", "3"));
            await Task.Delay(500);
            File.WriteAllText(Path.Combine(folder, "second.html"),
                "<html><head><meta name='author' content='A. Writer'></head><body><article><p>Five civilians were killed in Douma.</p></article></body></html>");
            var result = await run;
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("stopped watching", result.Stderr);
            var articles = CliRunner.Run(null, "articles", "--db", db, "--format", "json").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["first", "second"], articles.Select(a => a.GetProperty("id").GetString()));
            Assert.Equal("A. Writer", articles[1].GetProperty("byline").GetString());
            Assert.Equal(1, articles[1].GetProperty("claims").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ingest_WithoutInputsOrWatch_IsAUsageError()
    {
        var result = CliRunner.Run(null, "ingest", "--db", Backends.NewSqlite());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--watch FOLDER", result.Stderr);
        var missing = CliRunner.Run(null, "ingest", "--db", Backends.NewSqlite(), "--watch", "/nonexistent/tally-folder");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such folder", missing.Stderr);
    }

    [Fact]
    public void UnreachableRecord_IsReportedClearly()
    {
        var result = CliRunner.Run(null, "articles", "--db", "postgresql://nobody@127.0.0.1:1/none");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot open the record", result.Stderr);
    }
}
