using Tally.Text;

namespace Tally.Tests.Text;

public class SentenceSplitterTest
{
    private static string[] Sentences(string text)
    {
        var doc = new Document(new Article("t", text));
        return doc.Sentences.Select(s => s.Range.Of(doc.Text).ToString()).ToArray();
    }

    public static TheoryData<string, string[]> Cases => new()
    {
        { "Two died. Three were hurt.", ["Two died.", "Three were hurt."] },
        { "The U.S. military said so. The U.S. Army did not.", ["The U.S. military said so.", "The U.S. Army did not."] },
        { "It was the U.S. The next day it rained.", ["It was the U.S.", "The next day it rained."] },
        { "Lt. Col. Ahmad spoke. He left.", ["Lt. Col. Ahmad spoke.", "He left."] },
        { "It happened on Jan. 5 at dawn. Then nothing.", ["It happened on Jan. 5 at dawn.", "Then nothing."] },
        { "Resolution No. 3 passed. Few cared.", ["Resolution No. 3 passed.", "Few cared."] },
        { "Rates rose 3.5 percent. Prices fell.", ["Rates rose 3.5 percent.", "Prices fell."] },
        { "\"They shelled us,\" he said. \"We ran.\" She nodded.", ["\"They shelled us,\" he said.", "\"We ran.\"", "She nodded."] },
        { "Strikes kill nine in the north\nFive of them died in a village.", ["Strikes kill nine in the north", "Five of them died in a village."] },
        { "A headline without a stop\n\nThe body begins here.", ["A headline without a stop", "The body begins here."] },
        { "a line that is wrapped\nin the middle of a sentence.", ["a line that is wrapped\nin the middle of a sentence."] },
        { "Was it a strike? Yes! It was.", ["Was it a strike?", "Yes!", "It was."] },
        { "J. Smith wrote it. Done.", ["J. Smith wrote it.", "Done."] },
        { "They said (so.) Then left.", ["They said (so.)", "Then left."] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Split_Table(string text, string[] expected) => Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Split_CountsParagraphs()
    {
        var doc = new Document(new Article("t", "Title\n\nFirst one. Second one.\n\nThird one."));
        Assert.Equal([0, 1, 1, 2], doc.Sentences.Select(s => s.Paragraph).ToArray());
    }

    [Fact]
    public void Split_TextWithoutPunctuation_IsCutIntoBoundedSentences()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 2000));
        var doc = new Document(new Article("t", text));
        Assert.All(doc.Sentences, s => Assert.True(s.TokenCount <= SentenceSplitter.MaxTokens));
        Assert.Equal(2000, doc.Sentences.Sum(s => s.TokenCount));
    }

    [Fact]
    public void Document_TitleIsFirstParagraph_AndOffsetsPointIntoContent()
    {
        var doc = new Document(new Article("t", "Body text here.") { Title = "A title" });
        Assert.Equal("A title\n\nBody text here.", doc.Raw);
        Assert.Equal(9, doc.BodyStart);
        Assert.Equal(["A title", "Body text here."], doc.Sentences.Select(s => doc.RawText(s.Range)).ToArray());
    }

    [Fact]
    public void Document_TitleRepeatedInText_IsNotAddedTwice()
    {
        var doc = new Document(new Article("t", "Wed 05 Apr 2017 A title. Body.") { Title = "A title" });
        Assert.Equal("Wed 05 Apr 2017 A title. Body.", doc.Raw);
        Assert.Equal(0, doc.BodyStart);
    }
}
