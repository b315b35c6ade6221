using System.Collections.Frozen;
using System.Globalization;
using Tally.Text;

namespace Tally.Recognizers;

/// <summary>
/// Recognizes counts: digits with separators ("1,200"), number words ("twenty-five", "a hundred and twelve",
/// "a dozen"), digits with a scale ("1.5 million"), vague quantities ("dozens", "scores of", "hundreds"), ranges
/// ("between 10 and 15", "10-15", "two or three") and the qualifiers before or after them ("at least", "more than",
/// "nearly", "up to", "or more").
/// </summary>
/// <remarks>
/// <para>It leaves out what is not a count: ordinals ("third", "3rd"), years ("in 2015"), days of dated months
/// ("28 August"), times ("10:30", "5 pm", "at 0914"), money ("$5 million", "20 dollars"), percentages, measures and
/// durations ("5 km", "48 hours"), ages ("a 12-year-old"), labels ("Resolution 2254", "No. 3", "Su-24") and the parts
/// of numeric dates ("4/5/2017").</para>
/// <para>One pass over the tokens, each token looked at a bounded number of times: linear in the text.</para>
/// </remarks>
public sealed class NumberRecognizer : IRecognizer
{
    private static readonly FrozenDictionary<string, int> s_units = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> s_tens = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, long> s_scales = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Vague quantities that stand alone ("dozens were killed").
    private static readonly FrozenSet<string> s_vague = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "dozens", "hundreds", "thousands", "tens", "several", "millions");

    // Qualifiers before a number, longest first within each first word; the value says what they mean.
    private static readonly (string[] Words, Qualifier Qualifier)[] s_prefixes =
    [
        (["at", "least"], Qualifier.AtLeast), (["more", "than"], Qualifier.AtLeast), (["over"], Qualifier.AtLeast),
        (["well", "over"], Qualifier.AtLeast), (["just", "over"], Qualifier.AtLeast), (["upwards", "of"], Qualifier.AtLeast),
        (["in", "excess", "of"], Qualifier.AtLeast), (["no", "fewer", "than"], Qualifier.AtLeast),
        (["no", "less", "than"], Qualifier.AtLeast), (["not", "less", "than"], Qualifier.AtLeast),
        (["a", "minimum", "of"], Qualifier.AtLeast), (["above"], Qualifier.AtLeast), (["exceeding"], Qualifier.AtLeast),
        (["nearly"], Qualifier.About), (["almost"], Qualifier.About), (["about"], Qualifier.About), (["around"], Qualifier.About),
        (["approximately"], Qualifier.About), (["roughly"], Qualifier.About), (["some"], Qualifier.About),
        (["an", "estimated"], Qualifier.About), (["estimated"], Qualifier.About), (["close", "to"], Qualifier.About),
        (["just", "under"], Qualifier.About), (["circa"], Qualifier.About), (["approx"], Qualifier.About),
        (["up", "to"], Qualifier.UpTo), (["as", "many", "as"], Qualifier.UpTo), (["as", "much", "as"], Qualifier.UpTo),
        (["less", "than"], Qualifier.UpTo), (["fewer", "than"], Qualifier.UpTo), (["under"], Qualifier.UpTo),
        (["at", "most"], Qualifier.UpTo), (["no", "more", "than"], Qualifier.UpTo), (["not", "more", "than"], Qualifier.UpTo),
        (["a", "maximum", "of"], Qualifier.UpTo),
        (["a", "total", "of"], Qualifier.Exact), (["exactly"], Qualifier.Exact),
    ];

    // Words after a number that make it money, a measure, a duration or a percentage.
    private static readonly FrozenSet<string> s_nonCountUnits = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "percent", "pct", "per", "dollars", "dollar", "usd", "euros", "euro", "eur", "pounds", "pound", "lira", "liras",
        "lire", "syp", "riyals", "riyal", "rubles", "roubles", "ruble", "rouble", "yuan", "francs", "cents", "dinars",
        "dirhams", "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
        "metre", "meter", "m", "cm", "mm", "kg", "kgs", "kilograms", "kilogram", "grams", "tons", "tonnes", "ton",
        "tonne", "hectares", "hectare", "acres", "acre", "feet", "foot", "ft", "yards", "litres", "liters", "barrels",
        "mph", "kph", "kmh", "degrees", "sq", "square", "hours", "hour", "hrs", "days", "day", "weeks", "week", "months",
        "month", "years", "year", "yrs", "minutes", "minute", "mins", "seconds", "decades", "decade", "centuries",
        "am", "pm", "a.m.", "p.m.", "gmt", "utc", "o'clock", "bn", "mln", "megawatts", "mw", "calibre", "caliber", "mm.");

    // Words before a number that make it a label, not a count.
    private static readonly FrozenSet<string> s_labels = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "no", "nos", "number", "resolution", "resolutions", "article", "chapter", "page", "route", "highway", "flight",
        "code", "phase", "section", "paragraph", "item", "vol", "volume", "room", "platform", "gate", "km", "kilometre",
        "kilometer", "channel", "model", "version", "grade", "level", "zone", "sector", "block", "building", "apartment",
        "floor", "square", "street", "road", "protocol", "point", "points", "group", "session", "round", "episode", "act");

    // Nouns after a four-digit number that make it a count rather than a year ("2000 people").
    private static readonly FrozenSet<string> s_countNouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "people", "persons", "civilians", "soldiers", "fighters", "troops", "children", "women", "men", "deaths", "dead",
        "casualties", "killed", "refugees", "families", "militants", "rebels", "members", "victims", "bodies", "others",
        "injured", "wounded", "residents", "prisoners", "detainees", "displaced", "gunmen", "jihadists", "terrorists",
        "insurgents", "combatants", "personnel", "officers", "policemen", "students", "patients", "migrants", "were");

    /// <inheritdoc/>
    public string Name => "number";

    /// <inheritdoc/>
    public void Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int n = document.Tokens.Count;
        int i = 0;
        while (i < n)
        {
            // Most tokens cannot start a number phrase: only digits and the words of the lists below can.
            if (document.Tokens[i].Kind != TokenKind.Number && !s_starts.Contains(document, i))
            {
                i++;
                continue;
            }

            int next = Match(document, i, out var mention);
            if (next <= i)
            {
                i++;
                continue;
            }

            if (mention is { } m)
            {
                document.Numbers.Add(m);
            }

            i = next;
        }
    }

    /// <summary>
    /// Tries to read a number phrase at token <paramref name="i"/>. Returns the index after what was consumed
    /// (<paramref name="i"/> if nothing was); <paramref name="mention"/> is <c>null</c> when what was consumed is not a count.
    /// </summary>
    private static int Match(Document doc, int i, out NumberMention? mention)
    {
        mention = null;
        var q = Qualifier.Exact;
        int j = i;
        bool qualified = false;
        if (MatchPrefix(doc, i, out var prefixQualifier, out int afterPrefix))
        {
            q = prefixQualifier;
            j = afterPrefix;
            qualified = true;
        }

        // "between 10 and 15"
        if (doc.Is(j, "between"))
        {
            int lowEnd = ParseCore(doc, j + 1, out var low);
            if (lowEnd > j + 1 && low.Value is not null && (doc.Is(lowEnd, "and") || doc.Is(lowEnd, '-') || doc.Is(lowEnd, "to")))
            {
                int highEnd = ParseCore(doc, lowEnd + 1, out var high);
                if (highEnd > lowEnd + 1 && high.Value is not null && !IsExcluded(doc, j + 1, highEnd, high))
                {
                    mention = new NumberMention(doc.RangeOf(i, highEnd), i, highEnd, low.Value, high.Value, null,
                        qualified ? q : Qualifier.AtLeast, low.IsWords);
                    return highEnd;
                }
            }
        }

        int end = ParseCore(doc, j, out var core);
        if (end <= j)
        {
            return i;
        }

        if (IsExcluded(doc, j, end, core))
        {
            return end;
        }

        long? value = core.Value;
        long? highValue = null;

        // Ranges: "10-15", "10 to 15", "two or three" (not "from 10 to 15", which is a change, not a range).
        if (value is not null && !doc.Is(j - 1, "from"))
        {
            bool dash = doc.Is(end, '-') && !doc.Tokens[end].HasSpaceBefore;
            if (dash || doc.Is(end, "to") || (doc.Is(end, "or") && !doc.Is(end + 1, "more") && !doc.Is(end + 1, "so")))
            {
                int highEnd = ParseCore(doc, end + 1, out var high);
                if (highEnd > end + 1 && high.Value is { } hv && hv > value && !IsExcluded(doc, end + 1, highEnd, high)
                    && (!dash || !doc.Tokens[end + 1].HasSpaceBefore))
                {
                    highValue = hv;
                    end = highEnd;
                    if (!qualified)
                    {
                        q = Qualifier.AtLeast;
                    }
                }
            }
        }

        // Qualifiers after the number: "20 or more", "50-plus", "30 or so".
        if (doc.Is(end, "or") && doc.Is(end + 1, "more"))
        {
            q = Qualifier.AtLeast;
            end += 2;
        }
        else if (doc.Is(end, "or") && doc.Is(end + 1, "so"))
        {
            q = Qualifier.About;
            end += 2;
        }
        else if (doc.Is(end, "plus") || (doc.Is(end, '-') && doc.Is(end + 1, "plus")) || doc.Is(end, '+'))
        {
            q = Qualifier.AtLeast;
            end += doc.Is(end, '-') ? 2 : 1;
        }

        mention = new NumberMention(doc.RangeOf(i, end), i, end, value, highValue, core.Vague, q, core.IsWords);
        return end;
    }

    // The first words of the qualifiers, to skip the list at once for most tokens.
    private static readonly FrozenSet<string> s_prefixStarts = s_prefixes.Select(p => p.Words[0]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet s_prefixStartWords = new(s_prefixStarts);

    // Every word a number phrase can start with: qualifiers, "between", number words, vague quantities.
    private static readonly WordSet s_starts = new(s_prefixStarts
        .Concat(s_units.Keys).Concat(s_tens.Keys).Concat(s_scales.Keys).Concat(s_vague)
        .Concat(["between", "half", "a", "an", "scores", "several"]));

    private static bool MatchPrefix(Document doc, int i, out Qualifier qualifier, out int after)
    {
        qualifier = Qualifier.Exact;
        after = i;
        if (i >= doc.Tokens.Count || !s_prefixStartWords.Contains(doc, i))
        {
            return false;
        }

        foreach (var (words, q) in s_prefixes)
        {
            int k = 0;
            while (k < words.Length && doc.Is(i + k, words[k]))
            {
                k++;
            }

            if (k == words.Length)
            {
                qualifier = q;
                after = i + k;
                return true;
            }
        }

        qualifier = Qualifier.Exact;
        after = i;
        return false;
    }

    private readonly record struct Core(long? Value, string? Vague, bool IsWords, bool IsDecimal, bool IsDigits);

    /// <summary>Reads the number itself at <paramref name="j"/>; returns the index after it, or <paramref name="j"/>.</summary>
    private static int ParseCore(Document doc, int j, out Core core)
    {
        core = default;
        var tokens = doc.Tokens;
        if ((j < 0 || j >= tokens.Count))
        {
            return j;
        }

        var t = tokens[j];
        if (t.Kind == TokenKind.Number)
        {
            var text = doc.TokenText(j);
            bool isDecimal = text.Contains('.');
            if (!decimal.TryParse(text, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            {
                return j;
            }

            int end = j + 1;
            if (end < tokens.Count && s_scales.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(doc.TokenText(end), out long scale))
            {
                d *= scale;
                end++;
                isDecimal = d != decimal.Truncate(d);
            }
            else if (doc.Is(end, "hundred"))
            {
                d *= 100;
                end++;
            }

            if (isDecimal || d > long.MaxValue / 2)
            {
                core = new Core(null, null, false, true, true);
                return end;
            }

            core = new Core((long)d, null, false, false, true);
            return end;
        }

        if (t.Kind != TokenKind.Word)
        {
            return j;
        }

        int wordsEnd = ParseWords(doc, j, out long value);
        if (wordsEnd > j)
        {
            core = new Core(value, null, true, false, false);
            return wordsEnd;
        }

        return ParseVague(doc, j, out core);
    }

    /// <summary>Reads number words: "seven", "twenty-five", "a hundred and twelve", "two dozen", "three million".</summary>
    private static int ParseWords(Document doc, int j, out long value)
    {
        value = 0;
        var units = s_units.GetAlternateLookup<ReadOnlySpan<char>>();
        var tens = s_tens.GetAlternateLookup<ReadOnlySpan<char>>();
        var scales = s_scales.GetAlternateLookup<ReadOnlySpan<char>>();
        int n = doc.Tokens.Count;

        // "half a dozen"
        if (doc.Is(j, "half") && doc.Is(j + 1, "a") && doc.Is(j + 2, "dozen"))
        {
            value = 6;
            return j + 3;
        }

        long total = 0, current = 0;
        int k = j;
        int end = j;
        bool any = false;
        bool lastWasTen = false, lastWasUnit = false, lastWasScale = false;

        // "a hundred", "a dozen", "a thousand", "one million"
        if ((doc.Is(k, "a") || doc.Is(k, "an")) && (doc.Is(k + 1, "hundred") || doc.Is(k + 1, "dozen") || doc.Is(k + 1, "thousand") || doc.Is(k + 1, "million")))
        {
            current = 1;
            k++;
            any = true;
            lastWasUnit = true;
        }

        while (k < n)
        {
            var w = doc.TokenText(k);
            if (doc.Tokens[k].Kind != TokenKind.Word)
            {
                // A hyphen joins tens and units: "twenty-five".
                if (lastWasTen && doc.Is(k, '-') && !doc.Tokens[k].HasSpaceBefore && k + 1 < n && !doc.Tokens[k + 1].HasSpaceBefore
                    && units.TryGetValue(doc.TokenText(k + 1), out int u) && u < 10)
                {
                    current += u;
                    k += 2;
                    end = k;
                    lastWasTen = false;
                    lastWasUnit = true;
                    continue;
                }

                break;
            }

            if (units.TryGetValue(w, out int unit))
            {
                if (lastWasUnit || (lastWasTen && unit >= 10))
                {
                    break;
                }

                current += unit;
                lastWasUnit = true;
                lastWasTen = false;
                lastWasScale = false;
            }
            else if (tens.TryGetValue(w, out int ten))
            {
                if (lastWasUnit || lastWasTen || current % 100 != 0)
                {
                    break;
                }

                current += ten;
                lastWasTen = true;
                lastWasUnit = false;
                lastWasScale = false;
            }
            else if (any && w.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                if (current == 0 || current >= 100)
                {
                    break;
                }

                current *= 100;
                lastWasUnit = lastWasTen = false;
                lastWasScale = true;
            }
            else if (any && w.Equals("dozen", StringComparison.OrdinalIgnoreCase))
            {
                if (current == 0 || current >= 100)
                {
                    break;
                }

                current *= 12;
                k++;
                end = k;
                break;
            }
            else if (any && scales.TryGetValue(w, out long scale))
            {
                if (current == 0)
                {
                    break;
                }

                total += current * scale;
                current = 0;
                lastWasUnit = lastWasTen = false;
                lastWasScale = true;
            }
            else if (any && lastWasScale && w.Equals("and", StringComparison.OrdinalIgnoreCase)
                && k + 1 < n && (units.ContainsKey(doc.TokenText(k + 1)) || tens.ContainsKey(doc.TokenText(k + 1))))
            {
                k++;
                continue;
            }
            else
            {
                break;
            }

            any = true;
            k++;
            end = k;
        }

        if (!any || end == j)
        {
            return j;
        }

        value = total + current;
        // "a" alone is not a number.
        return value == 0 ? j : end;
    }

    /// <summary>Reads a vague quantity: "dozens", "scores of", "hundreds", "tens of thousands", "several".</summary>
    private static int ParseVague(Document doc, int j, out Core core)
    {
        core = default;
        var w = doc.TokenText(j);
        if (w.Equals("scores", StringComparison.OrdinalIgnoreCase))
        {
            // "scores" is vague only as a quantity: "scores of people".
            if (!doc.Is(j + 1, "of"))
            {
                return j;
            }

            core = new Core(null, "scores", false, false, false);
            return j + 1;
        }

        if (w.Equals("several", StringComparison.OrdinalIgnoreCase) && (doc.Is(j + 1, "dozen") || doc.Is(j + 1, "hundred") || doc.Is(j + 1, "thousand")))
        {
            core = new Core(null, "several " + doc.TokenText(j + 1).ToString().ToLowerInvariant(), false, false, false);
            return j + 2;
        }

        if (!s_vague.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w))
        {
            return j;
        }

        string vague = w.ToString().ToLowerInvariant();
        int end = j + 1;
        // "tens of thousands", "hundreds of thousands"
        if ((vague is "tens" or "hundreds" or "dozens") && doc.Is(j + 1, "of") && (doc.Is(j + 2, "thousands") || doc.Is(j + 2, "millions")))
        {
            vague = vague + " of " + doc.TokenText(j + 2).ToString().ToLowerInvariant();
            end = j + 3;
        }
        else if (vague == "tens")
        {
            return j;
        }

        core = new Core(null, vague, false, false, false);
        return end;
    }

    /// <summary>Whether the number at <c>[start, end)</c> is a year, time, money, measure, age, label or date part.</summary>
    private static bool IsExcluded(Document doc, int start, int end, Core core)
    {
        var tokens = doc.Tokens;
        if (core.IsDecimal)
        {
            return true;
        }

        if (core.Vague is not null)
        {
            return false;
        }

        var first = tokens[start];
        if (core.IsDigits)
        {
            // Years, unless a count noun follows ("2000 people").
            if (end == start + 1 && Calendar.IsYearNumber(doc, start, out _) && !NextIsCountNoun(doc, end))
            {
                return true;
            }

            // Parts of numeric dates and times: "4/5/2017", "10:30", "2019-08-28".
            if (end < tokens.Count && !tokens[end].HasSpaceBefore && (doc.Is(end, '/') || doc.Is(end, ':') || doc.Is(end, '.'))
                && end + 1 < tokens.Count && tokens[end + 1].Kind == TokenKind.Number && !tokens[end + 1].HasSpaceBefore)
            {
                return true;
            }

            if (start > 1 && !first.HasSpaceBefore && (doc.Is(start - 1, '/') || doc.Is(start - 1, ':'))
                && tokens[start - 2].Kind == TokenKind.Number)
            {
                return true;
            }

            if (IsIsoDatePart(doc, start))
            {
                return true; // the month or day of an ISO date: "2019-08-27"
            }

            // Money and designations glued to what comes before: "$5", "US$", "Su-24", "F-16".
            if (start > 0 && !first.HasSpaceBefore && (doc.Is(start - 1, '$') || doc.Is(start - 1, '€') || doc.Is(start - 1, '£') || doc.Is(start - 1, '#')))
            {
                return true;
            }

            if (start > 1 && !first.HasSpaceBefore && doc.Is(start - 1, '-') && !tokens[start - 1].HasSpaceBefore
                && tokens[start - 2].Kind == TokenKind.Word)
            {
                return true;
            }

            // Times: "at 0914", "1400 GMT".
            if (end == start + 1 && first.Length == 4 && doc.Is(start - 1, "at") && int.TryParse(doc.TokenText(start), NumberStyles.None, CultureInfo.InvariantCulture, out int hhmm)
                && hhmm / 100 <= 23 && hhmm % 100 <= 59)
            {
                return true;
            }
        }

        // A day of a month: "28 August", "August 28".
        if (end == start + 1 && Calendar.DayNumber(doc, start) > 0 && (Calendar.Month(doc, end) > 0 || (doc.Is(end, "of") && Calendar.Month(doc, end + 1) > 0) || Calendar.Month(doc, start - 1) > 0 || (doc.Is(start - 1, '.') && Calendar.Month(doc, start - 2) > 0)))
        {
            return true;
        }

        // Units after: "5 km", "20 percent", "48 hours", "5 pm"; and "%".
        if (end < tokens.Count)
        {
            if (doc.Is(end, '%'))
            {
                return true;
            }

            int unit = end;
            if (doc.Is(end, '-') && !tokens[end].HasSpaceBefore)
            {
                unit = end + 1; // "12-year-old", "a 20-minute drive"
            }

            if (unit < tokens.Count && tokens[unit].Kind == TokenKind.Word && s_nonCountUnits.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(unit)))
            {
                return true;
            }

            if (core.IsDigits && !tokens[end].HasSpaceBefore && tokens[end].Kind == TokenKind.Word)
            {
                return true; // glued letters: "10km", "5pm"
            }
        }

        // Money and labels before: "$ 5", "No. 3", "Resolution 2254".
        if (start > 0)
        {
            int before = start - 1;
            if (doc.Is(before, '.') && before > 0)
            {
                before--;
            }

            if (doc.Is(start - 1, '$') || doc.Is(start - 1, '€') || doc.Is(start - 1, '£'))
            {
                return true;
            }

            if (tokens[before].Kind == TokenKind.Word && s_labels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(before))
                && (core.IsDigits || char.IsUpper(doc.Text[tokens[before].Start])))
            {
                return true;
            }
        }

        // Ages: "aged 12".
        return doc.Is(start - 1, "aged") || doc.Is(start - 1, "age");
    }

    private static bool IsIsoDatePart(Document doc, int i)
    {
        // i is the month (year - month) or the day (year - month - day), each joined without spaces.
        for (int back = 2; back <= 4; back += 2)
        {
            int year = i - back;
            if (year < 0 || !Calendar.IsYearNumber(doc, year, out _))
            {
                continue;
            }

            bool joined = true;
            for (int k = year + 1; k <= i; k++)
            {
                var token = doc.Tokens[k];
                bool expected = (k - year) % 2 == 0 ? token.Kind == TokenKind.Number : doc.Is(k, '-');
                joined &= expected && !token.HasSpaceBefore;
            }

            if (joined)
            {
                return true;
            }
        }

        return false;
    }

    private static bool NextIsCountNoun(Document doc, int i) =>
        i < doc.Tokens.Count && doc.Tokens[i].Kind == TokenKind.Word && s_countNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(i));
}
