using System.Globalization;
using System.Text;
using Npgsql;
using Tally.Extraction;
using Tally.Formats;
using Tally.Storage;

namespace Tally.Tests.Storage;

/// <summary>Skips a test when no PostgreSQL server is given (TALLY_TEST_POSTGRES); ./test and .ci/run start one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Backends.PostgresUrl is null)
        {
            Skip = "PostgreSQL is not there: set TALLY_TEST_POSTGRES=postgresql://user@host:port/db (./test starts a server with scripts/postgres)";
        }
    }
}

/// <summary>Fresh, empty records on each back end, deleted after use.</summary>
internal static class Backends
{
    public static string? PostgresUrl => Environment.GetEnvironmentVariable("TALLY_TEST_POSTGRES") is { Length: > 0 } url ? url : null;

    /// <summary>A new SQLite file's path (in a fresh folder).</summary>
    public static string NewSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tally-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, "record.db");
    }

    /// <summary>A new, empty PostgreSQL database's address on the test server.</summary>
    public static string NewPostgres()
    {
        var admin = PostgresUrl ?? throw new InvalidOperationException("no PostgreSQL server");
        var name = "tally_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(Store.PostgresConnectionString(admin).ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        var uri = new UriBuilder(admin) { Path = "/" + name };
        return uri.Uri.ToString();
    }

    public static string New(StoreKind kind) => kind == StoreKind.Sqlite ? NewSqlite() : NewPostgres();
}

/// <summary>Articles written for the tests, as JSON Lines, with their problems.</summary>
internal static class TestCorpus
{
    private static readonly string[] s_places = ["Saraqeb", "Kafranbel", "Ariha", "Jisr al-Shughur", "Azaz", "Afrin", "Douma", "Harasta", "Tafas", "Jasim"];
    private static readonly string[] s_actors = ["Russian warplanes", "regime helicopters", "government forces", "Turkish drones", "unidentified gunmen"];
    private static readonly string[] s_verbs = ["killed", "struck", "shelled"];

    /// <summary>Article <paramref name="i"/>: a few sentences with a casualty figure, a place, a date and a source.</summary>
    public static string Text(int i)
    {
        var place = s_places[i % s_places.Length];
        var actor = s_actors[i % s_actors.Length];
        int killed = 2 + (i % 17), wounded = 3 + (i % 11);
        return $"{char.ToUpperInvariant(actor[0])}{actor[1..]} {s_verbs[i % 3]} the town of {place} on Monday, killing {killed} civilians and wounding {wounded}, "
            + $"activists said. Report number {i} adds that rescue teams searched the rubble for hours. "
            + $"Residents of {place} said the market had been busy. The strike was the {i % 5 + 2}th in the area this month, according to local monitors.";
    }

    public static string JsonLine(int i, string? text = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { id = $"a{i:D4}", title = $"Strike on town {i}", text = text ?? Text(i), published = "2019-08-29", source = "test" });

    /// <summary>A JSON Lines file of <paramref name="n"/> articles with one bad line after the third.</summary>
    public static string Write(int n, string? path = null)
    {
        path ??= Path.Combine(Path.GetTempPath(), $"tally-corpus-{Guid.NewGuid():N}.jsonl");
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++)
        {
            sb.Append(JsonLine(i)).Append('\n');
            if (i == 2)
            {
                sb.Append("{ this line is not JSON\n");
            }
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }

    /// <summary>Ingests <paramref name="path"/> into <paramref name="store"/> as the command does.</summary>
    /// <remarks>The articles prepared ahead together are <paramref name="chunk"/> at a time, by default as many as a batch.</remarks>
    public static IngestProgress Ingest(Store store, string path, int batch = 7, int threads = 1, int? chunk = null)
    {
        var ingester = new Ingester(store, Extractor.Default) { BatchSize = batch, Threads = threads, ChunkSize = chunk ?? batch };
        var options = new ReaderOptions { OnProblem = ingester.Problem };
        return ingester.Run(ArticleInput.Read([path], options));
    }

    public static string Count(StoreCounts c) => string.Create(CultureInfo.InvariantCulture, $"{c.Articles}/{c.Claims}/{c.Tallies}/{c.Problems}/{c.Duplicates}");
}
