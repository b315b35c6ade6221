using FsCheck;
using FsCheck.Fluent;
using Tally.Text;

namespace Tally.Tests.Text;

public class TextNormalizerTest
{
    public static TheoryData<string, string> Cases => new()
    {
        { "plain ASCII stays", "plain ASCII stays" },
        { "\u201cQuoted\u201d and \u2018single\u2019", "\"Quoted\" and 'single'" },
        { "Ma\u02bfarrat and Ma`arrat", "Ma'arrat and Ma'arrat" },
        { "2019\u20132020 \u2014 a dash", "2019-2020 - a dash" },
        { "no\u00a0break\u2009thin", "no break thin" },
        { "line\r\nbreak\rold mac", "line\nbreak\nold mac" },
        { "zero\u200bwidth\u00adsoft", "zerowidthsoft" },
        { "wait\u2026", "wait..." },
        { "e\u0301 composed", "\u00e9 composed" },
        { "\ufb01ne ligature", "fine ligature" },
        { "full\uff0dwidth \uff21", "full-width A" },
        { "\ufeffbom first", "bom first" },
        { "Arabic \u0645\u0639\u0631\u0629 stays", "Arabic \u0645\u0639\u0631\u0629 stays" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalize_Table(string raw, string expected)
    {
        var result = TextNormalizer.Normalize(raw);
        Assert.Equal(expected, result.Text);
        Assert.Equal(raw.Length, result.Map.RawLength);
        Assert.Equal(expected.Length, result.Map.NormalizedLength);
    }

    [Fact]
    public void Normalize_AsciiText_ReturnsSameInstanceAndIdentityMap()
    {
        const string raw = "Four civilians were killed.";
        var result = TextNormalizer.Normalize(raw);
        Assert.Same(raw, result.Text);
        Assert.True(result.Map.IsIdentity);
        Assert.Equal(new CharRange(5, 14), result.Map.ToRaw(new CharRange(5, 14)));
    }

    [Fact]
    public void Map_ExpansionAndDeletion_PointBackToRawCharacters()
    {
        const string raw = "a\u2026b\u200bc \u201cd\u201d";
        var result = TextNormalizer.Normalize(raw);
        Assert.Equal("a...bc \"d\"", result.Text);
        // "..." came from the single ellipsis character at raw 1.
        Assert.Equal(new CharRange(1, 2), result.Map.ToRaw(new CharRange(1, 4)));
        // "b" and "c" are separated in raw by a deleted zero-width space, which a range of "bc" covers.
        Assert.Equal(new CharRange(2, 5), result.Map.ToRaw(new CharRange(4, 6)));
        // "c" alone does not take the deleted character.
        Assert.Equal(new CharRange(4, 5), result.Map.ToRaw(new CharRange(5, 6)));
        Assert.Equal("\u201cd\u201d", result.Map.ToRaw(new CharRange(7, 10)).Of(raw).ToString());
    }

    // Characters that normalization changes, mixed with plain ones, so that edits sit next to each other.
    private static readonly char[] s_alphabet =
        ['a', 'b', ' ', '\n', '\r', '\t', '.', '\u2019', '\u201c', '\u2014', '\u2026', '\u200b', '\u00a0', '\u00ad',
         '\u0301', 'e', '\ufb01', '`', '\ufeff', '\u0645', 'Z'];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(s_alphabet).ArrayOf().Select(cs => new string(cs)).ToArbitrary();

    [Fact]
    public void Map_Property_IsMonotonicAndCoversWholeText()
    {
        Prop.ForAll(Texts(), raw =>
        {
            var n = TextNormalizer.Normalize(raw);
            var map = n.Map;
            bool ok = map.ToRawStart(n.Text.Length) == raw.Length && map.ToRawEnd(n.Text.Length) <= raw.Length && map.ToRawEnd(0) >= 0;
            int previousStart = 0, previousEnd = 0;
            for (int i = 0; i <= n.Text.Length; i++)
            {
                int start = map.ToRawStart(i);
                int end = map.ToRawEnd(i);
                // Both ends only move forward, and a range [i, j) never maps to a backwards raw range.
                ok &= start >= previousStart && end >= previousEnd && (i == 0 || end >= map.ToRawStart(i - 1));
                previousStart = start;
                previousEnd = end;
            }

            return ok;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Map_Property_EachCharacterMapsToRawTextThatNormalizesToIt()
    {
        Prop.ForAll(Texts(), raw =>
        {
            var n = TextNormalizer.Normalize(raw);
            for (int i = 0; i < n.Text.Length; i++)
            {
                var r = n.Map.ToRaw(new CharRange(i, i + 1));
                var again = TextNormalizer.Normalize(r.Of(raw).ToString()).Text;
                // The raw piece normalizes to text that contains the character (an expansion gives several).
                if (!again.Contains(n.Text[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    // Without invisible characters: a combining mark cut from its letter by a deleted zero-width space composes
    // only on a second pass, the one documented exception to idempotence.
    private static Arbitrary<string> VisibleTexts() =>
        Gen.Elements(s_alphabet.Where(c => c is not ('\u200b' or '\u00ad' or '\ufeff')).ToArray()).ArrayOf().Select(cs => new string(cs)).ToArbitrary();

    [Fact]
    public void Normalize_Property_IsIdempotent()
    {
        Prop.ForAll(VisibleTexts(), raw =>
        {
            var once = TextNormalizer.Normalize(raw).Text;
            return TextNormalizer.Normalize(once).Text == once;
        }).QuickCheckThrowOnFailure();
    }
}
