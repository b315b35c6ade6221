using System.Globalization;
using System.Text;

namespace Tally.Geography;

/// <summary>
/// A spelling-insensitive key for a transliterated Arabic place name: two spellings of one name get the same key.
/// </summary>
/// <remarks>
/// <para>Steps: lower case; accents, apostrophes and ayn/hamza marks removed; hyphens are spaces; the articles
/// (al, el, an, ar, as, ash, at, az, ad, ed, es, et, ez, ...) dropped as words; a final <c>h</c> after a vowel dropped
/// ("Mallajah" as "Mallaja"); the words joined; kh, gh, sh, ch, th, dh, ph and q written k, g, s, s, t, d, f and k,
/// ou and oo written u, ee written i, j written g; doubled letters made single; then every vowel (a, e, i, o, u, w,
/// y) dropped except that a name starting with a vowel keeps one <c>a</c> in front.</para>
/// <para>So "Maarat al-Numan", "Maaret al Numan" and "Ma`arrat an Nu`man" all become <c>mrtnmn</c>, "Khan Sheikhoun"
/// and "Khan Shaykhun" <c>knskn</c>, "Kafranbel" and "Kafr Nabl" <c>kfrnbl</c>. Arabic-script names keep their
/// letters (without vowel marks and tatweel), and the Arabic article "ال" is dropped.</para>
/// <threadsafety>Stateless; safe to call from any thread.</threadsafety>
/// </remarks>
public static class NameKey
{
    private static readonly HashSet<string> s_articles = new(StringComparer.Ordinal)
    {
        "al", "el", "an", "ar", "as", "ash", "at", "az", "ad", "ath", "adh", "ed", "es", "et", "ez", "ul", "the", "il",
    };

    /// <summary>
    /// <see cref="Of"/>, remembered per spelling (up to a bound): for the claim builder, which compares the keys of the
    /// few names an article repeats many times.
    /// </summary>
    public static string Remembered(ReadOnlySpan<char> name)
    {
        var cache = s_remembered.GetAlternateLookup<ReadOnlySpan<char>>();
        if (cache.TryGetValue(name, out var key))
        {
            return key;
        }

        key = Of(name);
        if (Volatile.Read(ref s_rememberedCount) < 100_000 && cache.TryAdd(name, key))
        {
            Interlocked.Increment(ref s_rememberedCount);
        }

        return key;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_remembered = new(StringComparer.Ordinal);
    private static int s_rememberedCount;

    /// <summary>The key of <paramref name="name"/>; empty when nothing is left.</summary>
    public static string Of(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return "";
        }

        // Most names are short and ASCII: keyed in one pass over stack buffers.
        if (name.Length <= 128 && System.Text.Ascii.IsValid(name))
        {
            return AsciiKey(name);
        }

        return OfAnyScript(name);
    }

    /// <summary>
    /// <see cref="Of"/> for an ASCII name, without allocating but for the key. The same steps in one pass: the
    /// digraphs all end in "h" and none starts with it, so they never overlap, and none of their single letters makes
    /// a digraph with the next letter that an earlier step would have taken (the steps done one after the other
    /// give the same); vowel-to-vowel steps (ou, oo, ee) change nothing once vowels are dropped.
    /// </summary>
    private static string AsciiKey(ReadOnlySpan<char> name)
    {
        Span<char> joined = stackalloc char[name.Length];
        int n = 0, wordStart = 0;
        var articles = s_articles.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i <= name.Length; i++)
        {
            char c = i < name.Length ? char.ToLowerInvariant(name[i]) : ' ';
            if (c is '\'' or '`')
            {
                continue;
            }

            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                joined[n++] = c;
                continue;
            }

            // A word ends: an article is dropped, and a final "h" after a vowel.
            var word = joined[wordStart..n];
            if (articles.Contains(word))
            {
                n = wordStart;
            }
            else if (word.Length > 2 && word[^1] == 'h' && IsVowel(word[^2]))
            {
                n--;
            }

            wordStart = n;
        }

        if (n == 0)
        {
            return "";
        }

        Span<char> key = stackalloc char[n + 1];
        int k = 0;
        if (IsVowel(joined[0]) && joined[0] != 'y' && joined[0] != 'w')
        {
            key[k++] = 'a';
        }

        char last = '\0';
        for (int i = 0; i < n; i++)
        {
            char c = joined[i];
            if (i + 1 < n && joined[i + 1] == 'h' && c is 'k' or 'g' or 's' or 'c' or 't' or 'd' or 'p')
            {
                c = c switch { 'c' => 's', 'p' => 'f', _ => c };
                i++;
            }
            else if (c == 'q')
            {
                c = 'k';
            }
            else if (c == 'j')
            {
                c = 'g';
            }

            if (IsVowel(c))
            {
                last = '\0';
                continue;
            }

            if (c != last)
            {
                key[k++] = c;
            }

            last = c;
        }

        return new string(key[..k]);
    }

    /// <summary><see cref="Of"/> for any name: Latin letters with accents, Arabic script, long text.</summary>
    internal static string OfAnyScript(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return "";
        }

        // Letters only, lower case, accents off; anything else separates words. ASCII needs no decomposition.
        var decomposed = System.Text.Ascii.IsValid(name) ? name.ToString() : name.ToString().Normalize(NormalizationForm.FormKD);
        var words = new List<StringBuilder>();
        var current = new StringBuilder();
        bool arabic = false;
        foreach (char raw in decomposed)
        {
            char c = char.ToLowerInvariant(raw);
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c is '\'' or '`' or '\u2018' or '\u2019' or '\u02bf' or '\u02be' or '\u00b4' or '\u02bc' or '\u0640')
            {
                continue;
            }

            if (c is >= '\u0621' and <= '\u064a')
            {
                arabic = true;
                current.Append(c);
                continue;
            }

            c = c switch
            {
                '\u0131' => 'i',
                '\u00f8' => 'o',
                '\u00e6' => 'a',
                '\u00df' => 's',
                '\u0111' => 'd',
                '\u0142' => 'l',
                _ => c,
            };
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current);
                current = new StringBuilder();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current);
        }

        return arabic ? ArabicKey(words) : LatinKey(words);
    }

    private static string LatinKey(List<StringBuilder> words)
    {
        var joined = new StringBuilder();
        foreach (var w in words)
        {
            var word = w.ToString();
            if (s_articles.Contains(word))
            {
                continue;
            }

            if (word.Length > 2 && word[^1] == 'h' && IsVowel(word[^2]))
            {
                word = word[..^1];
            }

            joined.Append(word);
        }

        if (joined.Length == 0)
        {
            return "";
        }

        var s = joined.ToString();
        bool leadingVowel = IsVowel(s[0]) && s[0] != 'y' && s[0] != 'w';
        s = s.Replace("kh", "k", StringComparison.Ordinal).Replace("gh", "g", StringComparison.Ordinal)
            .Replace("sh", "s", StringComparison.Ordinal).Replace("ch", "s", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal).Replace("dh", "d", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace('q', 'k').Replace("ou", "u", StringComparison.Ordinal)
            .Replace("oo", "u", StringComparison.Ordinal).Replace("ee", "i", StringComparison.Ordinal).Replace('j', 'g');
        var key = new StringBuilder(s.Length);
        if (leadingVowel)
        {
            key.Append('a');
        }

        char last = '\0';
        foreach (char c in s)
        {
            if (IsVowel(c))
            {
                last = '\0';
                continue;
            }

            if (c != last)
            {
                key.Append(c);
            }

            last = c;
        }

        return key.ToString();
    }

    /// <summary>
    /// A looser form than the key, to rank names that share a key: lower-case letters only, accents, apostrophes and
    /// articles removed, vowels kept ("Ma`arrat an-Nu`man" is <c>maarratnuman</c>).
    /// </summary>
    public static string Spelling(ReadOnlySpan<char> name)
    {
        var decomposed = name.ToString().Normalize(NormalizationForm.FormKD);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char raw in decomposed)
        {
            char c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z')
            {
                current.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark || c is '\'' or '`' or '\u2018' or '\u2019' or '\u02bf' or '\u02be')
            {
                continue;
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return string.Concat(words.Where(w => !s_articles.Contains(w)));
    }

    /// <summary>
    /// A spelling that keeps the vowels but not their transliteration variants: <see cref="Spelling"/> with the
    /// consonant digraphs of <see cref="Of"/> folded, e and i, o and u, y and i, w and u made one, and doubled letters
    /// single ("Sheikhoun" and "Shaykhun" become "saikun" and "sikun"). Two names whose keys agree but whose loose
    /// spellings are far apart ("Deir" and "Daraa") agree by chance.
    /// </summary>
    public static string Loose(ReadOnlySpan<char> name)
    {
        var s = Spelling(name).Replace("kh", "k", StringComparison.Ordinal).Replace("gh", "g", StringComparison.Ordinal)
            .Replace("sh", "s", StringComparison.Ordinal).Replace("ch", "s", StringComparison.Ordinal)
            .Replace("th", "t", StringComparison.Ordinal).Replace("dh", "d", StringComparison.Ordinal)
            .Replace("ph", "f", StringComparison.Ordinal).Replace('q', 'k').Replace('j', 'g');
        var loose = new StringBuilder(s.Length);
        char last = '\0';
        foreach (char raw in s)
        {
            char c = raw switch
            {
                'e' or 'y' => 'i',
                'o' or 'w' => 'u',
                _ => raw,
            };

            // An h after a vowel is often only a transliteration's mark ("Madinah", "Raqqah").
            if (c == 'h' && last is 'a' or 'i' or 'u')
            {
                continue;
            }

            // "ai" and "au" as "i" and "u": Dayr and Deir, Dawr and Dour.
            if (c is 'i' or 'u' && last == 'a' && loose.Length > 1)
            {
                loose.Length--;
                last = loose[^1];
            }

            if (c != last)
            {
                loose.Append(c);
            }

            last = c;
        }

        return loose.ToString();
    }

    // Gazetteer names are few and asked for again and again: their loose spellings are computed once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_looseOfEntries = new(StringComparer.Ordinal);

    private static string LooseOfEntry(string name) => s_looseOfEntries.GetOrAdd(name, static n => Loose(n));

    /// <summary>The edit distance between the <see cref="Loose"/> spellings of <paramref name="written"/> and the closest of <paramref name="names"/> (Latin script only).</summary>
    public static int LooseDistance(ReadOnlySpan<char> written, IEnumerable<string> names)
    {
        var loose = Loose(written);
        int best = int.MaxValue;
        foreach (var name in names)
        {
            if (name.Length > 0 && name[0] < '\u0600')
            {
                best = Math.Min(best, Distance(loose, LooseOfEntry(name)));
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="written"/> is close enough to one of <paramref name="names"/> to be that name respelled.</summary>
    public static bool IsClose(ReadOnlySpan<char> written, IEnumerable<string> names)
    {
        var loose = Loose(written);
        if (loose.Length == 0)
        {
            return true; // Arabic script: the key alone decides
        }

        int tolerance = Math.Max(1, loose.Length / 3);
        foreach (var name in names)
        {
            if (name.Length == 0 || name[0] >= '\u0600')
            {
                continue;
            }

            var other = LooseOfEntry(name);
            if (Math.Abs(other.Length - loose.Length) <= tolerance && Distance(loose, other) <= tolerance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The edit (Levenshtein) distance between two spellings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string ArabicKey(List<StringBuilder> words)
    {
        var key = new StringBuilder();
        foreach (var w in words)
        {
            var word = w.ToString();
            if (word.StartsWith("\u0627\u0644", StringComparison.Ordinal) && word.Length > 3)
            {
                word = word[2..];
            }

            // Alef forms and taa marbuta written one way.
            foreach (char c in word)
            {
                key.Append(c switch
                {
                    '\u0622' or '\u0623' or '\u0625' => '\u0627',
                    '\u0629' => '\u0647',
                    '\u0649' => '\u064a',
                    _ => c,
                });
            }
        }

        return key.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w';
}
