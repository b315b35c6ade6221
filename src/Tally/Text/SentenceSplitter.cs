using System.Collections.Frozen;

namespace Tally.Text;

/// <summary>
/// Splits a token sequence into sentences.
/// </summary>
/// <remarks>
/// <para>A sentence ends after <c>.</c>, <c>!</c> or <c>?</c> (with any closing quotes and brackets that follow) when
/// whitespace comes next and the next token could start a sentence (a capital, a digit, an opening quote or
/// bracket), and at every line break unless the next line plainly continues the sentence (it starts with a
/// lower-case letter). A blank line always ends a sentence, so a headline without a final stop is a sentence.</para>
/// <para>A dot does not end a sentence after a title ("Lt. Col. Smith"), after a month or "No." before a number
/// ("Jan. 5", "No. 3"), after a single capital initial, or after a dotted abbreviation ("U.S.") unless the next word
/// is one that usually opens a sentence ("The", "It", "In"...). Decimals never reach the splitter: the tokenizer
/// keeps "3.5" whole.</para>
/// <para>A sentence longer than <see cref="MaxTokens"/> tokens is cut there, so text without punctuation costs linear
/// time downstream.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
public static class SentenceSplitter
{
    /// <summary>The most tokens one sentence may hold; longer runs are cut.</summary>
    public const int MaxTokens = 400;

    // Abbreviations after which a dot never ends a sentence: titles and ranks precede a name.
    private static readonly FrozenSet<string> s_titles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "brig", "adm",
        "cmdr", "gov", "sen", "rep", "rev", "st", "mt", "ft", "sheikh", "messrs", "pres", "hon", "supt", "insp", "lieut",
        "vs", "etc", "approx", "e.g", "i.e", "cf", "al");

    // Abbreviations that do not end a sentence when a number follows.
    private static readonly FrozenSet<string> s_beforeNumbers = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "no", "nos", "vol", "art", "p", "pp", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec");

    // Words that usually open a sentence: after "U.S." they mean the dot ended one.
    private static readonly FrozenSet<string> s_openers = FrozenSet.Create(StringComparer.Ordinal,
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These",
        "Those", "There", "Its", "His", "Her", "Their", "Our", "According", "Meanwhile", "However", "Earlier", "Later",
        "Since", "After", "Before", "When", "While", "Some", "Many", "No", "Last", "On", "For", "As", "If", "Yet", "So");

    /// <summary>Splits <paramref name="tokens"/> of <paramref name="text"/> into <paramref name="sentences"/> (cleared first).</summary>
    public static void Split(string text, IReadOnlyList<Token> tokens, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        sentences.Clear();
        int n = tokens.Count;
        int first = 0;
        int paragraph = 0;
        int firstParagraph = 0;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && tokens[i].HasParagraphBefore)
            {
                paragraph++;
            }

            if (i == first)
            {
                firstParagraph = paragraph;
            }
            else if (BreaksBefore(text, tokens, i))
            {
                Add(tokens, sentences, first, i, firstParagraph);
                first = i;
                firstParagraph = paragraph;
            }

            if (i + 1 - first >= MaxTokens)
            {
                Add(tokens, sentences, first, i + 1, firstParagraph);
                first = i + 1;
            }
        }

        if (first < n)
        {
            Add(tokens, sentences, first, n, firstParagraph);
        }
    }

    private static void Add(IReadOnlyList<Token> tokens, List<Sentence> sentences, int first, int end, int paragraph) =>
        sentences.Add(new Sentence(first, end, new CharRange(tokens[first].Start, tokens[end - 1].End), paragraph));

    /// <summary>Whether a sentence boundary falls just before token <paramref name="i"/> (i &gt; 0).</summary>
    private static bool BreaksBefore(string text, IReadOnlyList<Token> tokens, int i)
    {
        var next = tokens[i];
        if (next.HasParagraphBefore)
        {
            return true;
        }

        if (next.HasNewlineBefore)
        {
            // A line that starts in lower case continues the sentence of the line before.
            return !(next.Kind == TokenKind.Word && char.IsLower(text[next.Start]));
        }

        if (!next.HasSpaceBefore)
        {
            return false;
        }

        // Walk back over closing quotes and brackets to the terminal mark.
        int t = i - 1;
        while (t > 0 && IsCloser(text, tokens[t]) && !tokens[t].HasSpaceBefore)
        {
            t--;
        }

        var mark = tokens[t];
        if (mark.Kind == TokenKind.Word && mark.Length >= 4 && text[mark.End - 1] == '.' && text[mark.Start + 1] == '.')
        {
            // A dotted abbreviation such as "U.S." carries its own dot.
            return StartsSentence(text, next) && next.Kind == TokenKind.Word && s_openers.Contains(text.Substring(next.Start, next.Length));
        }

        if (mark.Kind != TokenKind.Punctuation || mark.Length != 1)
        {
            return false;
        }

        char m = text[mark.Start];
        if (m is '!' or '?')
        {
            return StartsSentence(text, next);
        }

        if (m != '.')
        {
            return false;
        }

        if (!StartsSentence(text, next))
        {
            return false;
        }

        if (t == 0)
        {
            return true;
        }

        var before = tokens[t - 1];
        if (before.End != mark.Start || before.Kind != TokenKind.Word)
        {
            return true;
        }

        var word = text.AsSpan(before.Start, before.Length);
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false; // an initial: "J. Smith"
        }

        var lookup = s_titles.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(word))
        {
            return false;
        }

        var numbers = s_beforeNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
        return !(numbers.Contains(word) && next.Kind == TokenKind.Number);
    }

    private static bool IsCloser(string text, Token token) =>
        token.Length == 1 && text[token.Start] is '"' or '\'' or ')' or ']' or '}';

    private static bool StartsSentence(string text, Token next)
    {
        char c = text[next.Start];
        return next.Kind switch
        {
            TokenKind.Word => !char.IsLower(c),
            TokenKind.Number or TokenKind.Ordinal => true,
            _ => c is '"' or '\'' or '(' or '[' or '-' || next.Kind == TokenKind.Symbol,
        };
    }
}
