using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Tally.Text;

namespace Tally.Tests.Text;

public class TokenizerTest
{
    private static string[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        return tokens.Select(t => text.Substring(t.Start, t.Length)).ToArray();
    }

    public static TheoryData<string, string[]> Cases => new()
    {
        { "Four were killed.", ["Four", "were", "killed", "."] },
        { "the U.S. and U.N. said", ["the", "U.S.", "and", "U.N.", "said"] },
        { "1,200 and 330,000 and 3.5", ["1,200", "and", "330,000", "and", "3.5"] },
        { "4,5 is two numbers", ["4", ",", "5", "is", "two", "numbers"] },
        { "Ma'arrat al-Numan", ["Ma'arrat", "al", "-", "Numan"] },
        { "Assad's forces", ["Assad", "'s", "forces"] },
        { "the rebels' positions", ["the", "rebels", "'", "positions"] },
        { "the 3rd and 21st", ["the", "3rd", "and", "21st"] },
        { "twenty-five", ["twenty", "-", "five"] },
        { "4/5/2017", ["4", "/", "5", "/", "2017"] },
        { "$5 (about 10%)", ["$", "5", "(", "about", "10", "%", ")"] },
        { "\"Quoted,\" he said", ["\"", "Quoted", ",", "\"", "he", "said"] },
        { "\u0645\u0639\u0631\u0629 \u0627\u0644\u0646\u0639\u0645\u0627\u0646", ["\u0645\u0639\u0631\u0629", "\u0627\u0644\u0646\u0639\u0645\u0627\u0646"] },
        { "5pm", ["5", "pm"] },
        { "", [] },
        { "   ", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tokenize_Table(string text, string[] expected) => Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Tokenize_RecordsSpacesLinesAndParagraphs()
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize("Headline\nLead here.\n\nBody", tokens);
        Assert.Equal(TokenSpacing.None, tokens[0].Spacing);
        Assert.True(tokens[1].HasNewlineBefore);
        Assert.False(tokens[1].HasParagraphBefore);
        Assert.True(tokens[2].HasSpaceBefore);
        Assert.False(tokens[2].HasNewlineBefore);
        Assert.True(tokens[4].HasParagraphBefore);
    }

    private static Arbitrary<string> Texts() =>
        Gen.Elements("a", "Z", "U.S.", " ", "\n", "\n\n", "1", "1,200", ",", ".", "'", "'s", "-", "3rd", "\u0645", "\"", "$", "\u00e9", "\t", "x.y.")
            .ListOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [Fact]
    public void Tokenize_Property_IsLossless()
    {
        Prop.ForAll(Texts(), text =>
        {
            var tokens = new List<Token>();
            Tokenizer.Tokenize(text, tokens);
            var rebuilt = new StringBuilder();
            int at = 0;
            foreach (var t in tokens)
            {
                if (t.Start < at || t.Length <= 0)
                {
                    return false;
                }

                var gap = text.AsSpan(at, t.Start - at);
                foreach (char c in gap)
                {
                    if (!Tokenizer.IsSpace(c))
                    {
                        return false; // only whitespace falls between tokens
                    }
                }

                if ((gap.Length > 0) != t.HasSpaceBefore && at > 0)
                {
                    return false;
                }

                rebuilt.Append(gap).Append(text, t.Start, t.Length);
                at = t.End;
            }

            rebuilt.Append(text.AsSpan(at));
            return rebuilt.ToString() == text && text.AsSpan(at).Trim().IsEmpty;
        }).QuickCheckThrowOnFailure();
    }
}
