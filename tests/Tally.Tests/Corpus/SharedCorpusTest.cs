using System.Text.Json;
using Tally.Extraction;
using Tally.Formats;
using Tally.Tests.Cli;

namespace Tally.Tests.Corpus;

/// <summary>Checks over the shared corpus; skipped (and saying so) when ../shared is not there.</summary>
public class SharedCorpusTest
{
    private static string Shared(params string[] parts) => Path.Combine([Paths.Shared!, .. parts]);

    [SharedFact]
    public void Extract_Seeds_FiveLinesInOrder()
    {
        var result = CliRunner.Run(null, "extract", "--format", "claims", Shared("corpus", "seeds.jsonl"));
        Assert.Equal(0, result.ExitCode);
        var expected = File.ReadLines(Shared("corpus", "seeds.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(expected, result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [SharedFact]
    public void Extract_Fakes_AllRowsInOrderNoneSkipped()
    {
        var result = CliRunner.Run(null, "extract", "--format", "claims", Shared("corpus", "FA-KES-Dataset.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("804 articles", result.Stderr);
        Assert.Contains("0 skipped", result.Stderr);
        Assert.Equal(804, result.Lines.Length);
        var ids = new List<string>();
        using (var reader = new StreamReader(Shared("corpus", "FA-KES-Dataset.csv")))
        {
            ids.AddRange(CsvArticleReader.Read(reader.BaseStream, "x", new ReaderOptions()).Select(a => a.Id));
        }

        Assert.Equal(ids, result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    /// <summary>Every figure and every dated incident day of the seeds' gold claims is recognized in the article.</summary>
    [SharedFact]
    public void Recognizers_AreRightOnTheSeedsFiguresAndDates()
    {
        var articles = ArticleInput.Read([Shared("corpus", "seeds.jsonl")], new ReaderOptions()).ToDictionary(a => a.Id);
        var missing = new List<string>();
        foreach (var line in File.ReadLines(Shared("gold", "seeds.jsonl")))
        {
            var gold = JsonDocument.Parse(line).RootElement;
            var doc = Extractor.Default.Extract(articles[gold.GetProperty("id").GetString()!]).Document;
            var values = doc.Numbers.Where(n => n.Value is not null).Select(n => n.Value!.Value).ToHashSet();
            var days = doc.Dates.Where(d => d.Date is not null).Select(d => d.Date!.Value).ToHashSet();
            foreach (var claim in gold.GetProperty("claims").EnumerateArray())
            {
                foreach (var side in new[] { "killed", "injured" })
                {
                    var total = claim.GetProperty(side).GetProperty("total");
                    // Totals a breakdown implies ("a father and his two daughters") are sums, not written figures.
                    if (total.ValueKind == JsonValueKind.Number && !values.Contains(total.GetInt64()) && !IsImpliedSum(claim))
                    {
                        missing.Add($"{gold.GetProperty("id")}: {side} {total}");
                    }
                }

                var date = claim.GetProperty("date");
                if (date.ValueKind == JsonValueKind.String && claim.GetProperty("date_precision").GetString() is "day" or "week"
                    && !days.Contains(DateOnly.Parse(date.GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
                {
                    missing.Add($"{gold.GetProperty("id")}: date {date}");
                }
            }
        }

        Assert.Empty(missing);
    }

    private static bool IsImpliedSum(JsonElement claim) =>
        claim.GetProperty("evidence").GetString()!.Contains("a woman and her child", StringComparison.Ordinal);
}

/// <summary>The incidents issue's bar on the seeds, through the real commands.</summary>
public class SharedIncidentsTest
{
    [SharedFact]
    public void Incidents_OnTheSeeds_CopiesAgree_BasqalaIsOneIncident_YearsStayApart()
    {
        var db = Tally.Tests.Storage.Backends.NewSqlite();
        CliRunner.Run(null, "ingest", "--db", db, Path.Combine(Paths.Shared!, "corpus", "seeds.jsonl"));
        var incidents = CliRunner.Run(null, "incidents", "--db", db, "--format", "json").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(incidents);
        string IncidentOf(string claimRef) => incidents.Single(i => i.GetProperty("claims").EnumerateArray().Any(c => c.GetProperty("ref").GetString() == claimRef)).GetProperty("id").GetString()!;
        List<string> Claims(JsonElement i) => [.. i.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("ref").GetString()!)];

        // The two copies of the first article: each claim of the copy shares its incident with the same claim of the original.
        var original = incidents.SelectMany(Claims).Where(r => r.StartsWith("000_", StringComparison.Ordinal)).ToList();
        var copy = incidents.SelectMany(Claims).Where(r => r.StartsWith("001_", StringComparison.Ordinal)).ToList();
        Assert.Equal(original.Count, copy.Count);
        Assert.Equal(original.Select(IncidentOf).Order(StringComparer.Ordinal), copy.Select(IncidentOf).Order(StringComparer.Ordinal));

        // Basqala: two sources, one incident, best 3.
        var basqala = Assert.Single(incidents, i => i.GetProperty("place").GetString() == "Basqala");
        Assert.Equal(2, basqala.GetProperty("source_count").GetInt32());
        Assert.Equal(3, basqala.GetProperty("figures").GetProperty("killed").GetProperty("best").GetInt32());

        // Nothing from 2017 joins anything from 2019.
        foreach (var incident in incidents)
        {
            var years = incident.GetProperty("claims").EnumerateArray()
                .Select(c => c.GetProperty("date").GetString() ?? c.GetProperty("published").GetString())
                .Where(d => d is not null).Select(d => d![..4]).Distinct().ToList();
            Assert.True(years.Count <= 1, $"incident {incident.GetProperty("id")} spans {string.Join(", ", years)}");
        }
    }
}
