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
