using System.Collections.Frozen;
using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

// Tallies: cumulative figures kept apart from claims.
public static partial class ClaimBuilder
{
    private static (string Text, CharRange Range)? TallyScope(Document doc, LayerIndex index, Figure figure)
    {
        var sentence = doc.Sentences[figure.Sentence];
        var (from, to) = ClauseOf(doc, index, figure);
        var published = doc.Published;

        // "since late April", "since the start of the war", "since 2011" (but "since Saturday" reported on Monday is three days).
        for (int k = from; k < to; k++)
        {
            if (doc.Is(k, "since") && !DescribesAPlace(doc, figure, k))
            {
                var date = index.DateStartingAt(k + 1) ?? index.DateStartingAt(k + 2) ?? index.DateStartingAt(k + 3);
                if (date is { } d && d.From is { } start && published is { } pub && pub.DayNumber - start.DayNumber <= 2)
                {
                    continue;
                }

                int end = date is { } dm ? dm.EndToken : Math.Min(to, k + 6);
                return (doc.RawText(doc.RangeOf(k, end)), figure.Range.Union(doc.RangeOf(k, end)));
            }

            if (index.DateAt(k) is { Expression: DateExpression.Duration or DateExpression.Period } period
                && (period.Precision is DatePrecision.Month or DatePrecision.Year || (period.From is { } a && period.To is { } b && b.DayNumber - a.DayNumber > 2 && period.Expression == DateExpression.Duration)))
            {
                return (doc.RawText(period.Range), figure.Range.Union(period.Range));
            }

            // "In May more than 60 civilians were killed by barrel bomb attacks": a month's attacks, counted together
            // (the month opens the clause, the attacks follow the figure).
            if (index.DateAt(k) is { Expression: DateExpression.Calendar, Precision: DatePrecision.Month, Date: null, To: { } monthEnd } month
                && month.FirstToken == k && doc.Is(k - 1, "in") && k - 1 == from && published is { } today && monthEnd < today
                && MonthOfAttacks(doc, figure.EndToken, to))
            {
                return (doc.RawText(month.Range), figure.Range.Union(month.Range));
            }

            if (s_tallyWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k))
                && (doc.Is(k, "so") ? doc.Is(k + 1, "far") : doc.Is(k, "far") ? doc.Is(k - 1, "thus") : doc.Is(k, "date") ? doc.Is(k - 1, "to")
                    : doc.Is(k, "total") ? doc.Is(k - 1, "in") : true))
            {
                // ("thus far", not "the far north east of the province".)
                int start = doc.Is(k, "date") || doc.Is(k, "total") || doc.Is(k, "far") ? k - 1 : k;
                int end = doc.Is(k, "so") ? k + 2 : k + 1;
                return (doc.RawText(doc.RangeOf(start, end)), figure.Range.Union(doc.RangeOf(start, end)));
            }

            // "seven days of air strikes", "two weeks of fighting": longer than three days.
            if ((doc.Is(k, "days") || doc.Is(k, "weeks") || doc.Is(k, "months")) && doc.Is(k + 1, "of") && SmallCount(doc, k - 1) is { } span
                && (span > 3 || !doc.Is(k, "days")))
            {
                return (doc.RawText(doc.RangeOf(k - 1, k + 1)), figure.Range);
            }

            // "in eight years of war", "the war has killed" (not a capitalized title inside the sentence: "... Years of
            // Living Next to Daesh").
            if (doc.Is(k, "years") && doc.Is(k + 1, "of") && !(k > sentence.FirstToken && char.IsUpper(doc.Text[doc.Tokens[k].Start])))
            {
                return (doc.RawText(doc.RangeOf(Math.Max(from, k - 1), Math.Min(sentence.EndToken, k + 3))), figure.Range);
            }
        }

        // "Between 21 and 26 September the hospitals received 270 bodies": days of a month, more than three, anywhere
        // before the figure in its sentence.
        foreach (var days in index.DatesIn(sentence.FirstToken, figure.EndToken))
        {
            if (days is { Expression: DateExpression.Calendar, Date: null, From: { } rangeFrom, To: { } rangeTo }
                && rangeTo.DayNumber - rangeFrom.DayNumber > 2 && (doc.Is(days.FirstToken, "between") || doc.Is(days.FirstToken, "from")))
            {
                return (doc.RawText(days.Range), figure.Range.Union(days.Range));
            }
        }

        if (figure.Value >= TallyThreshold)
        {
            return ("the conflict", figure.Range);
        }

        // A cumulative figure that continues the sentence before it: "... since July 31. The strikes have killed 122
        // civilians, he said." or "The toll includes 126 people killed by shelling."
        bool perfect = false;
        for (int k = sentence.FirstToken; k < figure.EndToken; k++)
        {
            perfect |= (doc.Is(k, "have") || doc.Is(k, "has")) && (index.CasualtyAt(k + 1) is not null || doc.Is(k + 1, "been") || doc.Is(k + 1, "also"));
            perfect |= doc.Is(k, "toll") && (doc.Is(k + 1, "includes") || doc.Is(k + 1, "included"));
        }

        bool dated = index.DatesIn(sentence.FirstToken, sentence.EndToken).Any(d => d.Precision == DatePrecision.Day);

        if (perfect && !dated && figure.Sentence > 0)
        {
            // The sentence before was itself a tally: this one goes on with it ("Another 327 have been killed...").
            if (index.TallyScopes.TryGetValue(figure.Sentence - 1, out var before))
            {
                return (before.Text, figure.Range);
            }

            var previous = doc.Sentences[figure.Sentence - 1];
            for (int k = previous.FirstToken; k < previous.EndToken; k++)
            {
                if (doc.Is(k, "since") && index.DatesIn(k + 1, Math.Min(previous.EndToken, k + 25)).FirstOrDefault() is { EndToken: > 0 } d
                    && (published is not { } pub || d.From is not { } start || pub.DayNumber - start.DayNumber > 2))
                {
                    return (doc.RawText(doc.RangeOf(k, d.EndToken)), figure.Range);
                }
            }
        }

        // A hundred or more "have been killed", with no day named: a toll over time ("At least 327 people have also been
        // killed in clashes in the neighbouring province").
        if (perfect && !dated && figure.Value >= 100 && !index.CasualtiesIn(sentence).Any(c => c.Values.Any(v => v.Length > 1 && v[1] == "toll")))
        {
            return ("cumulative, no date given", figure.Range);
        }

        return null;
    }

    /// <summary>Whether a "since" after the figure tells of the place, not of the count: "killed two civilians in the city
    /// that has been divided since July 2012", "in the town, under siege since 2013".</summary>
    private static bool DescribesAPlace(Document doc, Figure figure, int since)
    {
        if (since < figure.EndToken)
        {
            return false;
        }

        for (int k = figure.EndToken; k < since; k++)
        {
            if (doc.Is(k, "that") || doc.Is(k, "which") || doc.Is(k, "siege") || doc.Is(k, "divided") || doc.Is(k, "controlled"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the words speak of attacks in the plural ("barrel bomb attacks"), not of one attack.</summary>
    private static bool MonthOfAttacks(Document doc, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (doc.Is(k, "attacks"))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenDictionary<string, int> s_smallCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["several"] = 4, ["few"] = 3,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A small count written in digits or words ("seven days"), which the number recognizer leaves out before units.</summary>
    private static int? SmallCount(Document doc, int k)
    {
        if (k < 0 || k >= doc.Tokens.Count)
        {
            return null;
        }

        var text = doc.TokenText(k);
        if (doc.Tokens[k].Kind == TokenKind.Number && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            return n;
        }

        return s_smallCounts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out int w) ? w : null;
    }
}
