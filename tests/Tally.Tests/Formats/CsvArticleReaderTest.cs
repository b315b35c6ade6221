using System.Text;
using Tally.Formats;

namespace Tally.Tests.Formats;

public class CsvArticleReaderTest : ReaderTestBase
{
    private const string FakesHeader = "unit_id,article_title,article_content,source,date,location,labels\n";

    [Fact]
    public void Read_FakesLayout_RecognizedByHeader()
    {
        var path = Write("a.csv", FakesHeader
            + "101,A title,\"Four died, the monitor said.\nA second line.\",reuters,4/5/2017,idlib,1\n"
            + "102,Other,\"He said \"\"no\"\".\",sana,12/31/2016,aleppo,0\n");
        var articles = Read(path);
        Assert.Empty(Problems);
        Assert.Equal(["101", "102"], articles.Select(a => a.Id));
        Assert.Equal("Four died, the monitor said.\nA second line.", articles[0].Text);
        Assert.Equal("A title", articles[0].Title);
        Assert.Equal(new DateOnly(2017, 4, 5), articles[0].Published);
        Assert.Equal("reuters", articles[0].Source);
        Assert.Equal("idlib", articles[0].LocationHint);
        Assert.Equal("He said \"no\".", articles[1].Text);
        Assert.Equal(new DateOnly(2016, 12, 31), articles[1].Published);
        Assert.Equal(new InputPosition(path, 4, 2), articles[1].Origin);
    }

    [Fact]
    public void Read_ColumnMapping_PicksNamedColumns()
    {
        var path = Write("m.csv", "key,body,when\nx1,Three died.,2019-08-29\n");
        var articles = Read(new ReaderOptions { Columns = ColumnMapping.Parse("id=key,text=body,published=when") }, path);
        Assert.Empty(Problems);
        Assert.Equal("x1", articles.Single().Id);
        Assert.Equal(new DateOnly(2019, 8, 29), articles.Single().Published);
    }

    [Fact]
    public void Read_UnknownHeaderWithoutMapping_ReportsWhatToDo()
    {
        var path = Write("u.csv", "a,b\n1,2\n");
        Assert.Empty(Read(path));
        var problem = Assert.Single(Problems);
        Assert.Contains("--columns", problem.Reason);
    }

    [Fact]
    public void Read_MalformedRows_AreReportedAndTheRestIsRead()
    {
        var path = Write("bad.csv", FakesHeader
            + "1,t,ok one,s,4/5/2017,idlib,0\n"
            + "2,t,too few fields\n"
            + "3,t,\"stray\"x,s,4/5/2017,idlib,0\n"
            + "4,t,ok two,s,not a date,idlib,0\n"
            + ",t,no id,s,4/5/2017,idlib,0\n"
            + "6,t,,s,4/5/2017,idlib,0\n"
            + "7,t,ok three,s,4/5/2017,idlib,0\n");
        var articles = Read(path);
        Assert.Equal(["1", "4", "7"], articles.Select(a => a.Id));
        Assert.Null(articles[1].Published);
        Assert.Collection(Problems,
            p => Assert.Equal((3, 2, ProblemSeverity.Skipped), (p.Position.Line!.Value, p.Position.Row!.Value, p.Severity)),
            p => Assert.Equal((4, 3, ProblemSeverity.Skipped), (p.Position.Line!.Value, p.Position.Row!.Value, p.Severity)),
            p => Assert.Equal((5, 4, ProblemSeverity.Warning), (p.Position.Line!.Value, p.Position.Row!.Value, p.Severity)),
            p => Assert.Equal((6, 5, ProblemSeverity.Skipped), (p.Position.Line!.Value, p.Position.Row!.Value, p.Severity)),
            p => Assert.Equal((7, 6, ProblemSeverity.Skipped), (p.Position.Line!.Value, p.Position.Row!.Value, p.Severity)));
        Assert.Contains("expected 7 fields", Problems[0].Reason);
        Assert.Contains("not a date", Problems[2].Reason);
    }

    [Fact]
    public void Read_InvalidUtf8InOneRow_SkipsOnlyThatRow()
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(FakesHeader + "1,t,fine,s,4/5/2017,idlib,0\n2,t,bad "));
        bytes.AddRange([0xC3, 0x28]);
        bytes.AddRange(Encoding.UTF8.GetBytes(" byte,s,4/5/2017,idlib,0\n3,t,fine again,s,4/5/2017,idlib,0\n"));
        var path = WriteBytes("enc.csv", [.. bytes]);
        var articles = Read(path);
        Assert.Equal(["1", "3"], articles.Select(a => a.Id));
        var problem = Assert.Single(Problems);
        Assert.Equal(3, problem.Position.Line);
        Assert.Contains("invalid UTF-8", problem.Reason);
    }

    [Fact]
    public void Read_UnterminatedQuote_RecoversTheRowsAfterIt()
    {
        var path = Write("q.csv", FakesHeader
            + "1,t,fine,s,4/5/2017,idlib,0\n"
            + "2,t,\"never closed,s,4/5/2017,idlib,0\n"
            + "3,t,fine again,s,4/5/2017,idlib,0\n");
        var articles = Read(path);
        Assert.Equal(["1", "3"], articles.Select(a => a.Id));
        Assert.Contains(Problems, p => p.Reason.Contains("never closed", StringComparison.Ordinal) && p.Position.Line == 3);
    }

    [Fact]
    public void Read_EmptyFileAndHeaderOnly_AreReported()
    {
        Assert.Empty(Read(Write("empty.csv", "")));
        Assert.Empty(Read(Write("header.csv", FakesHeader)));
        Assert.Equal(2, Problems.Count);
        Assert.All(Problems, p => Assert.Equal(ProblemSeverity.Skipped, p.Severity));
    }

    [Fact]
    public void Read_CrLfAndBom_AreHandled()
    {
        var path = WriteBytes("crlf.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("id,text\r\n1,One died.\r\n\r\n2,\"Two\r\ndied.\"\r\n")]);
        var articles = Read(path);
        Assert.Empty(Problems);
        Assert.Equal(["1", "2"], articles.Select(a => a.Id));
        Assert.Equal("One died.", articles[0].Text);
        Assert.Equal("Two\r\ndied.", articles[1].Text);
    }

    [Fact]
    public void ColumnMapping_Parse_RejectsUnknownFieldsAndMissingText()
    {
        Assert.Throws<FormatException>(() => ColumnMapping.Parse("id=a,colour=b,text=c"));
        Assert.Throws<FormatException>(() => ColumnMapping.Parse("id=a"));
        Assert.Throws<FormatException>(() => ColumnMapping.Parse("id"));
        Assert.Equal("id=a,text=c,published=d", ColumnMapping.Parse("id=a, text=c, date=d").ToString());
    }
}
