using System.Globalization;

namespace Tally.Text;

/// <summary>
/// Splits normalized text into <see cref="Token"/>s in one left-to-right pass.
/// </summary>
/// <remarks>
/// <para>Rules, in order: whitespace separates tokens and is recorded in the next token's flags; a word is a run of
/// letters, digits and combining marks that starts with a letter, and may hold an apostrophe between letters
/// ("Ma'arrat", "don't") but not the possessive <c>'s</c>, which becomes its own token; letters joined by dots
/// ("U.S.", "a.m.") form one word, final dot included; a number is a run of digits that may hold a decimal point
/// followed by a digit, or commas each followed by exactly three digits ("1,200", not "4,5"); digits followed by an
/// ordinal suffix ("3rd") form an ordinal; every other character is a token of its own.</para>
/// <para>Hyphens are tokens of their own, so "al-Numan" is three tokens with no space between them; recognizers
/// that care use <see cref="Token.HasSpaceBefore"/>.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="tokens"/> (cleared first).</summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
        int i = 0;
        int n = text.Length;
        while (i < n)
        {
            var flags = TokenSpacing.None;
            int newlines = 0;
            while (i < n && IsSpace(text[i]))
            {
                flags |= TokenSpacing.SpaceBefore;
                if (text[i] == '\n')
                {
                    newlines++;
                }

                i++;
            }

            if (i >= n)
            {
                break;
            }

            if (newlines > 0)
            {
                flags |= TokenSpacing.NewlineBefore;
            }

            if (newlines > 1)
            {
                flags |= TokenSpacing.ParagraphBefore;
            }

            int start = i;
            char c = text[i];
            TokenKind kind;
            if (IsLetter(text, i))
            {
                i = ScanWord(text, i);
                kind = TokenKind.Word;
            }
            else if (char.IsAsciiDigit(c) || char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                kind = TokenKind.Number;
                int suffixEnd = OrdinalSuffixEnd(text, start, i);
                if (suffixEnd > i)
                {
                    i = suffixEnd;
                    kind = TokenKind.Ordinal;
                }
            }
            else if (c == '\'' && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 == n || !IsWordPart(text[i + 2]))
                && i > 0 && IsWordPart(text[i - 1]))
            {
                i += 2; // the possessive 's after a word
                kind = TokenKind.Word;
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < n && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }

            tokens.Add(new Token(start, i - start, kind, flags));
        }
    }

    /// <summary>Whether <paramref name="c"/> separates tokens.</summary>
    public static bool IsSpace(char c) => c == ' ' || c == '\n' || (c > '\x7f' && char.IsWhiteSpace(c)) || c == '\t' || c == '\r';

    private static bool IsLetter(string text, int i)
    {
        char c = text[i];
        if (char.IsAsciiLetter(c))
        {
            return true;
        }

        if (c < '\x80')
        {
            return false;
        }

        if (char.IsLetter(c))
        {
            return true;
        }

        return char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLetter(text, i);
    }

    private static bool IsWordPart(char c)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        if (c < '\x80')
        {
            return false;
        }

        if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || c == '\u0640'; // Arabic tatweel
    }

    private static bool IsLetterAt(string text, int i) => i < text.Length && (char.IsLetter(text[i]) || (char.IsSurrogate(text[i]) && IsLetter(text, i)));

    private static int ScanWord(string text, int i)
    {
        int start = i;
        int n = text.Length;

        // Dotted initials: two or more single letters, each followed by a dot ("U.S.", "U.N.", "a.m.").
        int j = i;
        int letters = 0;
        while (j + 1 < n && IsLetterAt(text, j) && text[j + 1] == '.')
        {
            letters++;
            j += 2;
        }

        if (letters >= 2)
        {
            return j;
        }

        while (i < n)
        {
            char c = text[i];
            if (IsWordPart(c))
            {
                i++;
                continue;
            }

            if (c == '\'' && IsLetterAt(text, i + 1))
            {
                // The possessive 's (or 'S) at the end of a word is a token of its own.
                bool possessive = (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= n || !IsWordPart(text[i + 2]));
                if (possessive)
                {
                    break;
                }

                i++;
                continue;
            }

            break;
        }

        return i;
    }

    private static int ScanNumber(string text, int i)
    {
        int n = text.Length;
        while (i < n && char.IsDigit(text[i]))
        {
            i++;
        }

        while (i + 1 < n)
        {
            char c = text[i];
            if (c == ',' && IsThreeDigitGroup(text, i + 1))
            {
                i += 4;
                continue;
            }

            if (c == '.' && char.IsDigit(text[i + 1]))
            {
                i++;
                while (i < n && char.IsDigit(text[i]))
                {
                    i++;
                }

                // Only one decimal point; "1.2.3" stops after "1.2".
                break;
            }

            break;
        }

        return i;
    }

    private static bool IsThreeDigitGroup(string text, int i) =>
        i + 3 <= text.Length
        && char.IsDigit(text[i]) && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2])
        && (i + 3 == text.Length || !char.IsDigit(text[i + 3]));

    private static int OrdinalSuffixEnd(string text, int numberStart, int numberEnd)
    {
        if (numberEnd + 2 > text.Length)
        {
            return numberEnd;
        }

        char a = char.ToLowerInvariant(text[numberEnd]);
        char b = char.ToLowerInvariant(text[numberEnd + 1]);
        bool suffix = (a, b) is ('s', 't') or ('n', 'd') or ('r', 'd') or ('t', 'h');
        if (!suffix || (numberEnd + 2 < text.Length && IsWordPart(text[numberEnd + 2])))
        {
            return numberEnd;
        }

        // Only plain integers take a suffix.
        for (int k = numberStart; k < numberEnd; k++)
        {
            if (!char.IsDigit(text[k]))
            {
                return numberEnd;
            }
        }

        return numberEnd + 2;
    }
}
