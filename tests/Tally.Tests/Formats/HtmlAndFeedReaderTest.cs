using System.Text;
using Tally.Formats;

namespace Tally.Tests.Formats;

public class HtmlAndFeedReaderTest : ReaderTestBase
{
    private const string Page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>Raid kills six in Saraqib | Example Courier</title>
        <meta property="og:site_name" content="Example Courier">
        <meta property="article:published_time" content="2019-09-12T07:45:00+03:00">
        <meta name="author" content="Sam Example">
        <link rel="canonical" href="https://courier.example/raid-saraqib">
        </head><body>
        <header class="top"><nav><a href="/">Front page</a> <a href="/war">War</a></nav></header>
        <div class="wrap"><article>
        <h1>Raid kills six in Saraqib</h1>
        <div class="story-byline">By Sam Example</div>
        <p>A raid killed six civilians, two of them women, in Saraqib on Wednesday, rescuers said.</p>
        <p>Another nine people were hurt,<br>the rescuers added.</p>
        <div class="share-tools"><a href="#">Share</a> <a href="#">Mail</a></div>
        <ul><li><a href="/x">An unrelated story</a></li><li><a href="/y">Another unrelated story</a></li></ul>
        <figure><img src="a.jpg"><figcaption>Smoke over the town.</figcaption></figure>
        </article>
        <aside><p>Most read: eleven dead in a story about something else.</p></aside>
        <section id="comments"><p>A reader wrote that thirty were killed.</p></section>
        </div><footer><p>All rights reserved.</p></footer>
        <script>var tally = "twelve killed";</script>
        </body></html>
        """;

    [Fact]
    public void Html_TakesMetadataAndTheStoryAlone()
    {
        var article = Assert.Single(Read(Write("pages/raid.html", Page)));
        Assert.Empty(Problems);
        Assert.Equal("raid", article.Id);
        Assert.Equal("Raid kills six in Saraqib", article.Title);
        Assert.Equal(new DateOnly(2019, 9, 12), article.Published);
        Assert.Equal("Sam Example", article.Byline);
        Assert.Equal("Example Courier", article.Source);
        Assert.Equal("https://courier.example/raid-saraqib", article.Url);
        Assert.Equal(
            "A raid killed six civilians, two of them women, in Saraqib on Wednesday, rescuers said.\n\n"
            + "Another nine people were hurt,\nthe rescuers added.",
            article.Text);
    }

    [Fact]
    public void Html_WithoutArticleElement_TakesTheBlockWithMostProse()
    {
        var html = "<html><head><title>Shelling in Douma - Example Post</title></head><body>"
            + "<div id='menu'><p><a href='/'>Home</a></p></div>"
            + "<div class='content'><p>Shelling killed four people in Douma on Friday.</p><p>The shells fell near a market.</p></div>"
            + "<div class='related-posts'><p>Nothing to see here, a short unrelated line.</p></div>"
            + "</body></html>";
        var article = Assert.Single(Read(Write("b.htm", html)));
        Assert.Equal("Shelling in Douma", article.Title);
        Assert.Equal("Shelling killed four people in Douma on Friday.\n\nThe shells fell near a market.", article.Text);
        Assert.Null(article.Published);
    }

    [Fact]
    public void Html_JsonLinkedData_GivesDateAuthorAndPublisher()
    {
        var html = """
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Two killed near Tafas",
             "datePublished": "2020-03-02", "author": [{"@type": "Person", "name": "R. One"}, {"name": "R. Two"}],
             "publisher": {"@type": "Organization", "name": "Example Daily"}}
            </script><script type="application/ld+json">{ broken</script></head>
            <body><main><p>Two men were killed near Tafas on Sunday.</p></main></body></html>
            """;
        var article = Assert.Single(Read(Write("c.html", html)));
        Assert.Empty(Problems);
        Assert.Equal("Two killed near Tafas", article.Title);
        Assert.Equal(new DateOnly(2020, 3, 2), article.Published);
        Assert.Equal("R. One, R. Two", article.Byline);
        Assert.Equal("Example Daily", article.Source);
    }

    [Fact]
    public void Html_Soup_StillGivesItsText()
    {
        var soup = "<p>Three fighters were <b>killed <i>in clashes</b> near Tal Rifaat</i><p>Nobody else was hurt<table><tr><td>a<td>b</table>";
        var article = Assert.Single(Read(Write("soup.html", soup)));
        Assert.StartsWith("Three fighters were killed in clashes near Tal Rifaat\n\nNobody else was hurt", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_BadInput_IsReportedByFile()
    {
        var empty = Write("empty.html", "  \n");
        var menuOnly = Write("menu.html", "<html><body><nav><a href='/'>Home</a></nav><ul><li><a href='/a'>A</a></li></ul></body></html>");
        var badBytes = WriteBytes("latin.html", [.. Encoding.UTF8.GetBytes("<html><body><p>caf"), 0xE9, .. Encoding.UTF8.GetBytes("</p></body></html>")]);
        var declared = WriteBytes("declared.html", [.. Encoding.UTF8.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf"), 0xE9, .. Encoding.UTF8.GetBytes(" shelled.</p></body></html>")]);
        var articles = Read(empty, menuOnly, badBytes, declared);
        Assert.Equal("café shelled.", Assert.Single(articles).Text);
        Assert.Collection(Problems,
            p => Assert.Equal((empty, "empty file"), (p.Position.File, p.Reason)),
            p => Assert.Contains("no article text", p.Reason),
            p => Assert.Contains("invalid UTF-8", p.Reason));
        Assert.All(Problems, p => Assert.Equal(ProblemSeverity.Skipped, p.Severity));
    }

    [Fact]
    public void Markup_IsSniffedAsPageOrFeed()
    {
        Assert.Equal(InputFormat.Html, ArticleInput.Sniff("<!DOCTYPE html><html>"u8));
        Assert.Equal(InputFormat.Html, ArticleInput.Sniff("<p>Two died.</p>"u8));
        Assert.Equal(InputFormat.Feed, ArticleInput.Sniff("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"u8));
        Assert.Equal(InputFormat.Feed, ArticleInput.Sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">"u8));
        Assert.Equal(InputFormat.Text, ArticleInput.Sniff("Two died <then>."u8));
    }

    private const string Rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Example Wire</title><link>https://wire.example/</link>
        <image><title>Wire logo</title><url>https://wire.example/logo.png</url></image>
        <item><title>Shelling kills three</title><link>https://wire.example/1</link><guid>wire-1</guid>
        <pubDate>Tue, 03 Sep 2019 22:10:00 +0300</pubDate><dc:creator>A. Writer</dc:creator>
        <description>&lt;p&gt;Shelling killed three people in Ariha on Monday.&lt;/p&gt;</description></item><item><title>Headline only</title><link>https://wire.example/2</link></item>
        <item><title>Clashes</title><link>https://wire.example/3</link>
        <content:encoded><![CDATA[<p>Two fighters were killed in clashes.</p><p><a href="/more">Read more</a></p>]]></content:encoded>
        <description>A shorter summary.</description><pubDate>sometime</pubDate></item>
        </channel></rss>
        """;

    [Fact]
    public void Rss_EachItemIsAnArticle()
    {
        var path = Write("wire.rss", Rss);
        var articles = Read(path);
        Assert.Equal(["wire-1", "https://wire.example/3"], articles.Select(a => a.Id));
        var first = articles[0];
        Assert.Equal("Shelling kills three", first.Title);
        Assert.Equal("Shelling killed three people in Ariha on Monday.", first.Text);
        Assert.Equal(new DateOnly(2019, 9, 3), first.Published);
        Assert.Equal("Example Wire", first.Source);
        Assert.Equal("https://wire.example/1", first.Url);
        Assert.Equal("A. Writer", first.Byline);
        Assert.Equal(5, first.Origin!.Value.Line);
        Assert.Equal("Two fighters were killed in clashes.", articles[1].Text);
        Assert.Collection(Problems,
            p => Assert.Equal((7, ProblemSeverity.Skipped), (p.Position.Line, p.Severity)),
            p => Assert.Equal((8, ProblemSeverity.Warning), (p.Position.Line, p.Severity)));
        Assert.Contains("item 2 (Headline only): no text", Problems[0].Reason);
    }

    [Fact]
    public void Atom_EntriesWithXhtmlContent_AndAnErrorPartWay()
    {
        var atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Example</title>
            <entry><id>urn:e1</id><title>Four killed</title><link rel="alternate" href="https://atom.example/1"/>
            <link rel="self" href="https://atom.example/1.xml"/><published>2019-09-04T08:00:00Z</published>
            <author><name>B. Writer</name></author>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Four civilians were killed in an air strike.</p></div></content></entry>
            <entry><id>urn:e2</id><summary type="text">Plain &lt;summary&gt; text.</summary></entry>
            <entry><id>urn:e3</id><title>Cut off
            </feed>
            """;
        var path = Write("a.atom", atom);
        var articles = Read(path);
        Assert.Equal(["urn:e1", "urn:e2"], articles.Select(a => a.Id));
        Assert.Equal("https://atom.example/1", articles[0].Url);
        Assert.Equal("B. Writer", articles[0].Byline);
        Assert.Equal("Atom Example", articles[0].Source);
        Assert.Equal("Four civilians were killed in an air strike.", articles[0].Text);
        Assert.Equal("Plain <summary> text.", articles[1].Text);
        var problem = Assert.Single(Problems);
        Assert.Equal(8, problem.Position.Line);
        Assert.Contains("not well-formed XML at line 8", problem.Reason);
        Assert.Contains("2 item(s) read before it", problem.Reason);
    }

    [Fact]
    public void Feed_NotAFeedOrEmpty_IsReported()
    {
        var other = Write("other.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>");
        var empty = Write("empty.rss", "");
        var noItems = Write("quiet.rss", "<rss><channel><title>Quiet</title></channel></rss>");
        Assert.Empty(Read(other, empty, noItems));
        Assert.Equal(3, Problems.Count);
        Assert.Contains("root element is <catalog>", Problems[0].Reason);
        Assert.Contains("not a feed", Problems[1].Reason);
        Assert.Equal(("the feed has no items", ProblemSeverity.Warning), (Problems[2].Reason, Problems[2].Severity));
    }

    [Fact]
    public void Feed_ExternalEntities_AreNeverResolved()
    {
        var secret = Write("secret.txt", "do not read me");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://{secret}\">]>"
            + "<rss><channel><item><guid>i</guid><description>before &x; after</description></item></channel></rss>";
        var articles = Read(Write("evil.rss", xml));
        Assert.DoesNotContain(articles, a => a.Text.Contains("do not read me", StringComparison.Ordinal));
    }

    [Fact]
    public void Folder_ReadsPagesAndFeedsBesideText()
    {
        Write("in/a.txt", "Two died.");
        Write("in/b.html", "<p>Three died.</p>");
        Write("in/c.rss", "<rss><channel><item><guid>c1</guid><description>Four died.</description></item></channel></rss>");
        Write("in/d.png", "not an article");
        Assert.Equal(["a", "b", "c1"], Read(Path.Combine(Folder, "in")).Select(a => a.Id));
        Assert.Empty(Problems);
    }

    [Fact]
    public void FolderWatch_TakesFilesOnceTheyHaveSettled()
    {
        var folder = Path.Combine(Folder, "watched");
        Write("watched/old.txt", "Present before the watch.");
        var watch = new FolderWatch(folder);
        Assert.Equal(["old.txt"], watch.Ready().Select(Path.GetFileName));
        Assert.Empty(watch.Ready());

        var fresh = Write("watched/new.txt", "Arrived later.");
        Write("watched/empty.txt", "");
        Assert.Empty(watch.Ready()); // seen once: it may still be growing
        Assert.Equal(["new.txt"], watch.Ready().Select(Path.GetFileName));
        Assert.Empty(watch.Ready());

        File.AppendAllText(fresh, " And changed.");
        File.SetLastWriteTimeUtc(fresh, DateTime.UtcNow.AddSeconds(5));
        Assert.Empty(watch.Ready());
        Assert.Equal(["new.txt"], watch.Ready().Select(Path.GetFileName));
    }
}
