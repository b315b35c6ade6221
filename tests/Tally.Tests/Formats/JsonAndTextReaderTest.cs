using System.Text;
using Tally.Formats;

namespace Tally.Tests.Formats;

public class JsonAndTextReaderTest : ReaderTestBase
{
    [Fact]
    public void JsonLines_ReadsAllFields()
    {
        var path = Write("a.jsonl",
            "{\"id\": \"a1\", \"title\": null, \"text\": \"Two died.\", \"published\": \"2019-08-29\", \"source\": \"Outlet\", \"url\": \"http://example.org/a\"}\n"
            + "\n"
            + "{\"id\": 42, \"text\": \"Three died.\", \"published\": null}\n");
        var articles = Read(path);
        Assert.Empty(Problems);
        Assert.Equal(["a1", "42"], articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2019, 8, 29), articles[0].Published);
        Assert.Equal("Outlet", articles[0].Source);
        Assert.Equal("http://example.org/a", articles[0].Url);
        Assert.Null(articles[1].Published);
        Assert.Equal(3, articles[1].Origin!.Value.Line);
    }

    [Fact]
    public void JsonLines_BadLines_AreReportedAndTheRestIsRead()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(
            "{\"id\": \"1\", \"text\": \"ok\"}\n"
            + "{not json}\n"
            + "[1, 2]\n"
            + "{\"text\": \"no id\"}\n"
            + "{\"id\": \"5\"}\n"
            + "{\"id\": \"6\", \"text\": \"ok\", \"published\": \"someday\"}\n"
            + "{\"id\": \"7\", \"text\": \"bad "));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\n{\"id\": \"8\", \"text\": \"ok\"}"));
        var articles = Read(WriteBytes("b.jsonl", [.. bytes]));
        Assert.Equal(["1", "6", "8"], articles.Select(a => a.Id));
        Assert.Equal([2, 3, 4, 5, 6, 7], Problems.Select(p => p.Position.Line!.Value));
        Assert.Equal(ProblemSeverity.Warning, Problems[4].Severity);
        Assert.Contains("invalid UTF-8", Problems[5].Reason);
    }

    [Fact]
    public void Text_FolderIsReadInPathOrder_IdIsFileName()
    {
        Write("docs/b.txt", "Second article.");
        Write("docs/a.txt", "First article.");
        Write("docs/sub/c.txt", "Third article.");
        Write("docs/notes.md", "Ignored.");
        var articles = Read(Path.Combine(Folder, "docs"));
        Assert.Empty(Problems);
        Assert.Equal(["a", "b", "c"], articles.Select(a => a.Id));
    }

    [Fact]
    public void Text_EmptyAndBadFiles_AreReported()
    {
        var empty = Write("empty.txt", "  \n");
        var bad = WriteBytes("bad.txt", [.. Encoding.UTF8.GetBytes("line one\nline "), 0xC0, 0xAF]);
        var good = Write("good.txt", "Fine.");
        var articles = Read(empty, bad, good, Path.Combine(Folder, "missing.txt"));
        Assert.Equal(["good"], articles.Select(a => a.Id));
        Assert.Equal(3, Problems.Count);
        Assert.Equal(2, Problems[1].Position.Line);
        Assert.Contains("no such file", Problems[2].Reason);
    }

    [Fact]
    public void StandardInput_IsSniffed()
    {
        IEnumerable<Article> FromStdin(string content) =>
            ArticleInput.Read(["-"], new ReaderOptions { OnProblem = Problems.Add }, () => new MemoryStream(Encoding.UTF8.GetBytes(content)));

        Assert.Equal(["x"], FromStdin("{\"id\": \"x\", \"text\": \"t\"}\n").Select(a => a.Id));
        Assert.Equal(["7"], FromStdin("id,text\n7,Seven died.\n").Select(a => a.Id));
        Assert.Equal(["stdin"], FromStdin("Just some text, with a comma.").Select(a => a.Id));
        Assert.Empty(Problems);
    }

    public static TheoryData<string, string?> Dates => new()
    {
        { "2019-08-29", "2019-08-29" },
        { "2019-08-29T10:00:00Z", "2019-08-29" },
        { "4/5/2017", "2017-04-05" },
        { "28/8/2019", "2019-08-28" },
        { "2019/08/28", "2019-08-28" },
        { "29 Aug 2019", "2019-08-29" },
        { "August 29, 2019", "2019-08-29" },
        { "Thu, 29 Aug 2019 10:00:00 GMT", "2019-08-29" },
        { "2/30/2019", null },
        { "someday", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void PublicationDate_Table(string text, string? expected)
    {
        bool ok = PublicationDate.TryParse(text, out var date);
        Assert.Equal(expected, ok ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
