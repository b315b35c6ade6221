using System.Buffers;
using System.Globalization;
using System.Text;

namespace Tally.Text;

/// <summary>The result of normalizing a text: the normalized text and the map back to the raw one.</summary>
/// <param name="Text">The normalized text.</param>
/// <param name="Map">Maps offsets in <paramref name="Text"/> to offsets in the raw text.</param>
public readonly record struct NormalizedText(string Text, OffsetMap Map);

/// <summary>
/// Normalizes article text for the recognizers while keeping an offset map back to the raw text.
/// </summary>
/// <remarks>
/// <para>What changes, and nothing else:</para>
/// <list type="bullet">
/// <item>line breaks: <c>\r\n</c>, <c>\r</c>, U+2028 and U+2029 become <c>\n</c>;</item>
/// <item>spaces: tabs, no-break and other Unicode spaces, and control characters become a plain space;</item>
/// <item>invisible characters (zero-width spaces and joiners, soft hyphens, byte-order marks, direction marks) are
/// removed;</item>
/// <item>quotes: curly single quotes, primes, the backtick, the acute accent and the modifier letters for ayn and
/// hamza become <c>'</c>; curly double quotes and guillemets become <c>"</c>;</item>
/// <item>dashes and the minus sign become <c>-</c>; the ellipsis character becomes <c>...</c>;</item>
/// <item>other characters are brought to Unicode normalization form KC (composed letters, no ligatures or
/// full-width forms); a base letter and its combining marks are normalized together.</item>
/// </list>
/// <para>Normalizing twice gives the same text as normalizing once, except where an invisible character that is
/// removed stood between a letter and its combining mark: the mark then composes only on a second pass.</para>
/// <para>ASCII text without control characters or backticks is returned as the same string instance with an
/// identity map, so the common case costs one vectorized scan.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
public static class TextNormalizer
{
    // Characters that may need work: everything outside printable ASCII (plus \n and space), and the backtick.
    private static readonly SearchValues<char> s_plain = SearchValues.Create(BuildPlain());

    private static string BuildPlain()
    {
        var sb = new StringBuilder();
        sb.Append('\n');
        for (char c = ' '; c < '\x7f'; c++)
        {
            if (c != '`')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Normalizes <paramref name="raw"/>.</summary>
    public static NormalizedText Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        int first = raw.AsSpan().IndexOfAnyExcept(s_plain);
        if (first < 0)
        {
            return new NormalizedText(raw, OffsetMap.Identity(raw.Length));
        }

        if (first > 0 && IsCombining(raw[first]) && char.IsLetter(raw[first - 1]))
        {
            first--; // a plain letter followed by combining marks is normalized together with them
        }

        var sb = new StringBuilder(raw.Length + 16);
        sb.Append(raw, 0, first);
        var map = new OffsetMap.Builder();
        int i = first;
        while (i < raw.Length)
        {
            // Copy the next run of plain characters as it is.
            int plain = raw.AsSpan(i).IndexOfAnyExcept(s_plain);
            if (plain != 0)
            {
                int run = plain < 0 ? raw.Length - i : plain;
                // A plain letter followed by combining marks is normalized together with them.
                if (plain > 0 && IsCombining(raw[i + plain]) && char.IsLetter(raw[i + plain - 1]))
                {
                    run--;
                }

                if (run > 0)
                {
                    sb.Append(raw, i, run);
                    i += run;
                    continue;
                }
            }

            int normStart = sb.Length;
            int consumed = NormalizeAt(raw, i, sb);
            bool same = sb.Length - normStart == consumed && EqualsAt(sb, normStart, raw, i, consumed);
            if (!same)
            {
                map.Add(i, i + consumed, normStart, sb.Length);
            }

            i += consumed;
        }

        var text = sb.ToString();
        return new NormalizedText(text, map.Build(raw.Length, text.Length));
    }

    private static bool EqualsAt(StringBuilder sb, int start, string raw, int rawStart, int count)
    {
        for (int k = 0; k < count; k++)
        {
            if (sb[start + k] != raw[rawStart + k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends the normalized form of the character (or sequence) at <paramref name="i"/>; returns how many raw characters it used.</summary>
    private static int NormalizeAt(string raw, int i, StringBuilder sb)
    {
        char c = raw[i];
        switch (c)
        {
            case '\n':
                sb.Append('\n');
                return 1;
            case '\r':
                sb.Append('\n');
                return i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1;
            case '\u2028' or '\u2029':
                sb.Append('\n');
                return 1;
            case '\t' or '\v' or '\f' or '\u00a0' or '\u1680' or '\u202f' or '\u205f' or '\u3000' or (>= '\u2000' and <= '\u200a'):
                sb.Append(' ');
                return 1;
            case '\u00ad' or '\u200b' or '\u200c' or '\u200d' or '\u200e' or '\u200f' or '\u2060' or '\ufeff'
                or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'):
                return 1;
            case '`' or '\u00b4' or '\u2018' or '\u2019' or '\u201a' or '\u201b' or '\u2032' or '\u02bc' or '\u02bb'
                or '\u02be' or '\u02bf' or '\u02b9' or '\uff07':
                sb.Append('\'');
                return 1;
            case '\u201c' or '\u201d' or '\u201e' or '\u201f' or '\u00ab' or '\u00bb' or '\u2033' or '\uff02':
                sb.Append('"');
                return 1;
            case (>= '\u2010' and <= '\u2015') or '\u2212' or '\ufe58' or '\ufe63' or '\uff0d':
                sb.Append('-');
                return 1;
            case '\u2026':
                sb.Append("...");
                return 1;
        }

        if (c < ' ' || (c >= '\x7f' && c < '\xa0'))
        {
            sb.Append(' ');
            return 1;
        }

        // A base character (or surrogate pair) and the combining marks after it are normalized together.
        int len = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]) ? 2 : 1;
        if (len == 1 && char.IsSurrogate(c))
        {
            sb.Append('\ufffd');
            return 1;
        }

        while (i + len < raw.Length && IsCombining(raw[i + len]))
        {
            len++;
        }

        if (len == 1 && IsStable(c))
        {
            sb.Append(c);
            return 1;
        }

        var segment = raw.AsSpan(i, len);
        if (segment.IsNormalized(NormalizationForm.FormKC))
        {
            sb.Append(segment);
        }
        else
        {
            sb.Append(segment.ToString().Normalize(NormalizationForm.FormKC));
        }

        return len;
    }

    private static bool IsCombining(char c)
    {
        if (c < '\u0300')
        {
            return false;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    // Letters that NFKC leaves alone, so the common Latin-1 and Arabic letters skip the normalization call.
    private static bool IsStable(char c) =>
        (c >= '\u00c0' && c <= '\u017e' && c is not ('\u00d7' or '\u00f7' or '\u0132' or '\u0133' or '\u013f' or '\u0140' or '\u0149'))
        || (c >= '\u0621' && c <= '\u064a')
        || (c >= '\u0660' && c <= '\u0669');
}
