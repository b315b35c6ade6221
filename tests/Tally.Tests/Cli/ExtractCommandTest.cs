using System.Text.Json;
using Tally.Tests.Formats;

namespace Tally.Tests.Cli;

public class ExtractCommandTest : ReaderTestBase
{
    [Fact]
    public void Extract_Claims_OneValidLinePerArticleInInputOrder()
    {
        var csv = Write("in.csv", "id,title,text,published\n"
            + "c2,Strike,\"Four civilians were killed on Thursday, activists said.\",2019-08-29\n"
            + "c1,Other,Nothing happened.,2019-08-30\n");
        var txt = Write("z.txt", "Two people died in a raid.");
        var result = CliRunner.Run(null, "extract", "--format", "claims", csv, txt);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["c2", "c1", "z"], result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        foreach (var line in result.Lines)
        {
            var root = JsonDocument.Parse(line).RootElement;
            Assert.Equal(JsonValueKind.Array, root.GetProperty("claims").ValueKind);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("tallies").ValueKind);
        }

        Assert.Contains("3 articles", result.Stderr);
    }

    [Fact]
    public void Extract_SkippedInput_ExitsWithOneAndNamesThePlace()
    {
        var jsonl = Write("in.jsonl", "{\"id\": \"1\", \"text\": \"ok\"}\n{broken\n{\"id\": \"3\", \"text\": \"ok\"}\n");
        var result = CliRunner.Run(null, "extract", jsonl);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.Contains($"{jsonl}:2: skipped: not valid JSON", result.Stderr);
    }

    [Fact]
    public void Extract_Spans_WritesKindsOffsetsTextAndValues()
    {
        var text = "At least seven civilians were killed on Thursday.";
        var result = CliRunner.Run($"{{\"id\": \"s\", \"text\": \"{text}\", \"published\": \"2019-08-29\"}}\n", "extract", "--format", "spans", "-");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Lines.Single()).RootElement;
        var spans = root.GetProperty("spans").EnumerateArray().ToList();
        var number = spans.Single(s => s.GetProperty("kind").GetString() == "number");
        Assert.Equal("At least seven", number.GetProperty("text").GetString());
        Assert.Equal(0, number.GetProperty("start").GetInt32());
        Assert.Equal(14, number.GetProperty("end").GetInt32());
        Assert.Equal(7, number.GetProperty("value").GetProperty("count").GetInt32());
        Assert.Equal("at_least", number.GetProperty("value").GetProperty("qualifier").GetString());
        var date = spans.Single(s => s.GetProperty("kind").GetString() == "date");
        Assert.Equal("2019-08-29", date.GetProperty("value").GetProperty("date").GetString());
        Assert.Equal(text.IndexOf("Thursday", StringComparison.Ordinal), date.GetProperty("start").GetInt32());
        Assert.Single(spans, s => s.GetProperty("kind").GetString() == "sentence");
    }

    [Fact]
    public void Extract_Spans_WritesClaimsAndTalliesWithTheWordsOfEachField()
    {
        var text = "Army shelling killed six civilians, three of them children, in Saraqib on Monday, activists said. "
            + "More than 400 people have died in the town since March.";
        var result = CliRunner.Run(JsonSerializer.Serialize(new { id = "c", text, published = "2019-08-29" }) + "\n", "extract", "--format", "spans", "-");
        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Lines.Single()).RootElement;
        var claim = root.GetProperty("claims").EnumerateArray().Single();
        Assert.Equal(6, claim.GetProperty("killed").GetProperty("total").GetInt32());
        var fields = claim.GetProperty("spans");
        string Words(string field)
        {
            var span = fields.GetProperty(field);
            return text[span[0].GetInt32()..span[1].GetInt32()];
        }

        Assert.Equal("six", Words("killed"));
        Assert.Equal("three of them children", Words("killed.children"));
        Assert.Equal("Saraqib", Words("place"));
        Assert.Equal("shelling", Words("attack"));
        Assert.Equal("Army", Words("perpetrators[0]"));
        Assert.Equal("activists", Words("sources[0]"));
        Assert.StartsWith("Army shelling killed", Words("evidence"), StringComparison.Ordinal);
        Assert.Equal("Idlib", claim.GetProperty("place_entry").GetProperty("governorate").GetString());
        var tally = root.GetProperty("tallies").EnumerateArray().Single();
        Assert.Equal(400, tally.GetProperty("killed").GetInt32());
        var tallySpan = tally.GetProperty("span");
        Assert.Contains("since March", text[tallySpan[0].GetInt32()..tallySpan[1].GetInt32()], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_SpanOffsets_PointIntoRawTextDespiteNormalization()
    {
        var raw = "\u201cThey\u2019re gone,\u201d\u00a0he said\u2026 Nearly 100 died.";
        var result = CliRunner.Run(JsonSerializer.Serialize(new { id = "n", text = raw }) + "\n", "extract", "--format", "spans", "-");
        var number = JsonDocument.Parse(result.Lines.Single()).RootElement.GetProperty("spans").EnumerateArray()
            .Single(s => s.GetProperty("kind").GetString() == "number");
        int start = number.GetProperty("start").GetInt32(), end = number.GetProperty("end").GetInt32();
        Assert.Equal("Nearly 100", raw[start..end]);
    }

    [Fact]
    public void Extract_OutputFile_AndBadColumns()
    {
        var csv = Write("m.csv", "k,b\nx,Five died.\n");
        var output = Path.Combine(Folder, "out.jsonl");
        var ok = CliRunner.Run(null, "extract", "--columns", "id=k,text=b", "-o", output, csv);
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("", ok.Stdout);
        Assert.Single(File.ReadAllLines(output));

        var bad = CliRunner.Run(null, "extract", "--columns", "id=k", csv);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--columns", bad.Stderr);
    }
}

public class ExtractThreadsTest
{
    [Fact]
    public void Extract_OnSeveralThreads_WritesWhatOneThreadWrites()
    {
        var corpus = Tally.Tests.Storage.TestCorpus.Write(150);
        try
        {
            var one = CliRunner.Run(null, "extract", "--format", "spans", corpus);
            var many = CliRunner.Run(null, "extract", "--format", "spans", "--threads", "3", corpus);
            Assert.Equal(one.ExitCode, many.ExitCode);
            Assert.True(one.Lines.Length >= 150);
            Assert.Equal(one.Stdout, many.Stdout);
        }
        finally
        {
            File.Delete(corpus);
        }
    }
}

public class BenchAndTokenCommandTest
{
    [Fact]
    public void Bench_Json_GivesThroughputAllocationAndStages()
    {
        var corpus = Tally.Tests.Storage.TestCorpus.Write(20);
        try
        {
            var result = CliRunner.Run(null, "bench", "--json", "--repeat", "1", "--stages", corpus);
            var lines = result.Lines;
            var json = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement;
            Assert.Equal(20, json.GetProperty("articles").GetInt32());
            Assert.True(json.GetProperty("MBps").GetDouble() > 0);
            Assert.True(json.GetProperty("allocatedBytesPerArticle").GetInt64() > 0);
            Assert.True(json.GetProperty("claims").GetInt32() >= 20);
            Assert.Contains(lines, l => l.Contains("place recognizer", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("claims and tallies", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(corpus);
        }
    }

    [Fact]
    public void TokenCreate_PrintsATokenTheRecordKnows()
    {
        var db = Tally.Tests.Storage.Backends.NewSqlite();
        var result = CliRunner.Run(null, "token", "create", "--db", db, "--name", "recorder");
        Assert.Equal(0, result.ExitCode);
        string token = result.Lines.Single();
        using var store = Tally.Storage.Store.Open(db);
        Assert.Equal("recorder", store.TokenName(token));
        Assert.Null(store.TokenName(token + "x"));
    }
}
