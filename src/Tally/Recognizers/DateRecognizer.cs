using System.Collections.Frozen;
using System.Globalization;
using Tally.Text;

namespace Tally.Recognizers;

/// <summary>
/// Recognizes dates and resolves them against the document's publication date.
/// </summary>
/// <remarks>
/// <para>Forms: calendar dates ("August 28, 2019", "Aug. 28", "28 Aug 2019", "Wed 05 Apr 2017", "the 5th of May",
/// "4/5/2017" read month first unless the first number cannot be a month, "2019-08-28"), months ("August 2019",
/// "in April", "late April"), years ("in 2013"); weekdays ("on Thursday" is the latest Thursday on or before
/// publication, "last Thursday" the latest before it, "late Sunday", "Sunday night"); days relative to publication
/// ("yesterday", "today", "tonight", "overnight", "last night"); periods ("last week" is the Monday-to-Sunday week
/// before publication's, "earlier this month", "this year", "three days ago"); and durations that end at
/// publication ("in the past 48 hours", "over the last three days").</para>
/// <para>A month without a year is the latest such month not after publication; a day and month without a year fall
/// in publication's year unless that is more than a week after publication. "May" and "March" count as months only
/// with a day or year beside them or after a preposition ("in May").</para>
/// </remarks>
public sealed class DateRecognizer : IRecognizer
{
    private static readonly FrozenSet<string> s_monthLead = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "in", "since", "early", "late", "mid", "until", "till", "from", "of", "by", "last", "this", "next", "during",
        "through", "to", "between", "and", "before", "after", "throughout", "end");

    private static readonly FrozenSet<string> s_strictMonthLead = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "in", "since", "early", "late", "mid", "until", "till", "from", "by", "last", "this", "next", "during", "throughout");

    private static readonly FrozenSet<string> s_partsOfDay = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "morning", "afternoon", "evening", "night", "overnight", "dawn", "noon", "midnight");

    private static readonly FrozenDictionary<string, int> s_smallNumbers = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["fourteen"] = 14, ["twenty"] = 20,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public string Name => "date";

    /// <inheritdoc/>
    public void Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int n = document.Tokens.Count;
        int i = 0;
        while (i < n)
        {
            if (document.Dateline is { } dateline && i == dateline.FirstToken)
            {
                i = dateline.EndToken; // the publication date, not an incident's
                continue;
            }

            if (!MayStart(document, i))
            {
                i++;
                continue;
            }

            var m = MatchDayRange(document, i) ?? MatchNumeric(document, i) ?? MatchCalendar(document, i) ?? MatchWeekday(document, i)
                ?? MatchRelative(document, i) ?? MatchPeriod(document, i) ?? MatchDuration(document, i);
            if (m is { } mention)
            {
                document.Dates.Add(mention);
                i = mention.EndToken;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>A calendar date with day, month and year starting at <paramref name="i"/>, if one does.</summary>
    internal static DateMention? MatchFullDate(Document doc, int i)
    {
        var m = MatchNumeric(doc, i) ?? MatchCalendar(doc, i);
        return m is { Precision: DatePrecision.Day, Date: not null, Expression: DateExpression.Calendar } && HasYear(doc, m.Value) ? m : null;
    }

    private static bool HasYear(Document doc, DateMention m)
    {
        for (int k = m.FirstToken; k < m.EndToken; k++)
        {
            if (Calendar.IsYearNumber(doc, k, out _) || (doc.Tokens[k].Kind == TokenKind.Number && doc.Tokens[k].Length is 4 or 5 or 6))
            {
                return true;
            }
        }

        return false;
    }

    // Lower-case words a date expression can start with; numbers and capitalized words (months, weekdays) always may.
    private static readonly WordSet s_starts = new(["between", "from", "the", "last", "past", "next", "coming", "this", "late", "early", "overnight", "yesterday", "today", "tonight",
        "earlier", "later", "in", "over", "within", "during", "for", "several", "a", "an", "few", "previous", "current",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "fourteen", "twenty"]);

    /// <summary>Whether a date expression can start at token <paramref name="i"/>, checked cheaply before the patterns.</summary>
    private static bool MayStart(Document doc, int i)
    {
        var t = doc.Tokens[i];
        if (t.Kind is TokenKind.Number or TokenKind.Ordinal)
        {
            return true;
        }

        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        return s_starts.Contains(doc, i) || (char.IsUpper(doc.Text[t.Start]) && Calendar.IsName(doc, i));
    }

    private static DateMention Make(Document doc, int first, int end, DateExpression kind, DatePrecision precision, DateOnly? date, DateOnly? from, DateOnly? to) =>
        new(doc.RangeOf(first, end), first, end, kind, precision, date, from, to);

    private static DateMention Day(Document doc, int first, int end, DateExpression kind, DateOnly? date) =>
        Make(doc, first, end, kind, DatePrecision.Day, date, date, date);

    private static readonly WordSet s_rangeStarts = new(["between", "from"]);

    /// <summary>
    /// Days of one month: "between 21 and 26 September", "from 3 to 9 May 2017": a span with no one day of its own
    /// (a week or less is week precision, more is month).
    /// </summary>
    private static DateMention? MatchDayRange(Document doc, int i)
    {
        if (!s_rangeStarts.Contains(doc, i))
        {
            return null;
        }

        int first = Calendar.DayNumber(doc, i + 1);
        if (first <= 0 || !(doc.Is(i + 2, "and") || doc.Is(i + 2, "to") || doc.Is(i + 2, '-')) || doc.Tokens.Count <= i + 3
            || doc.Tokens[i + 3].Kind is not (TokenKind.Number or TokenKind.Ordinal))
        {
            return null;
        }

        if (MatchCalendar(doc, i + 3) is not { Precision: DatePrecision.Day, Date: { } last } m || last.Day <= first)
        {
            return null;
        }

        var from = new DateOnly(last.Year, last.Month, first);
        var precision = last.DayNumber - from.DayNumber <= 6 ? DatePrecision.Week : DatePrecision.Month;
        return Make(doc, i, m.EndToken, DateExpression.Calendar, precision, null, from, last);
    }

    /// <summary>Calendar dates written with month names, months, and years.</summary>
    private static DateMention? MatchCalendar(Document doc, int i)
    {
        int k = i;
        // An optional weekday before a full date: "Wed 05 Apr 2017", "Thursday, August 29".
        if (Calendar.Weekday(doc, k, allowAbbreviation: true) is not null)
        {
            k++;
            if (doc.Is(k, ',') || doc.Is(k, '.'))
            {
                k++;
            }
        }

        // "the 5th of May"
        int dayAt = doc.Is(k, "the") && doc.Tokens.Count > k + 1 && doc.Tokens[k + 1].Kind == TokenKind.Ordinal ? k + 1 : k;

        // Day Month [Year]: "28 Aug 2019", "5th of May".
        int day = Calendar.DayNumber(doc, dayAt);
        if (day > 0)
        {
            int mAt = doc.Is(dayAt + 1, "of") ? dayAt + 2 : dayAt + 1;
            int month = Calendar.Month(doc, mAt);
            if (month > 0)
            {
                int end = mAt + 1;
                if (doc.Is(end, '.'))
                {
                    end++;
                }

                int afterComma = doc.Is(end, ',') ? end + 1 : end;
                if (Calendar.IsYearNumber(doc, afterComma, out int year))
                {
                    return Resolved(doc, i, afterComma + 1, year, month, day);
                }

                if (doc.Published is { } pub)
                {
                    return Resolved(doc, i, mAt + 1, Calendar.YearOf(month, day, pub), month, day);
                }

                return Day(doc, i, mAt + 1, DateExpression.Calendar, null);
            }
        }

        // Month Day [, Year] and Month Year.
        {
            int month = Calendar.Month(doc, k);
            if (month > 0)
            {
                int end = k + 1;
                if (doc.Is(end, '.'))
                {
                    end++;
                }

                // "Jun 062016": a day and a year run together, as some scraped datelines have them.
                if (doc.Tokens.Count > end && doc.Tokens[end].Kind == TokenKind.Number && doc.Tokens[end].Length is 5 or 6
                    && int.TryParse(doc.TokenText(end), NumberStyles.None, CultureInfo.InvariantCulture, out int glued)
                    && glued % 10000 is >= 1900 and <= 2099 && Calendar.IsValid(glued % 10000, month, glued / 10000))
                {
                    return Resolved(doc, i, end + 1, glued % 10000, month, glued / 10000);
                }

                int dayOfMonth = Calendar.DayNumber(doc, end);
                if (dayOfMonth > 0)
                {
                    int afterDay = end + 1;
                    int afterComma = doc.Is(afterDay, ',') ? afterDay + 1 : afterDay;
                    if (Calendar.IsYearNumber(doc, afterComma, out int year))
                    {
                        return Resolved(doc, i, afterComma + 1, year, month, dayOfMonth);
                    }

                    if (doc.Published is { } pub)
                    {
                        return Resolved(doc, i, afterDay, Calendar.YearOf(month, dayOfMonth, pub), month, dayOfMonth);
                    }

                    return Day(doc, i, afterDay, DateExpression.Calendar, null);
                }

                int yearAt = doc.Is(end, ',') ? end + 1 : end;
                if (Calendar.IsYearNumber(doc, yearAt, out int y))
                {
                    return MonthOf(doc, k, yearAt + 1, y, month);
                }

                // A month alone needs a word before it that makes it a time: "in April", "since late April", "mid-August".
                if (k == i && IsMonthLead(doc, k))
                {
                    if (doc.Published is { } pub)
                    {
                        return MonthOf(doc, k, k + 1, Calendar.YearOfMonth(month, pub), month);
                    }

                    return Make(doc, k, k + 1, DateExpression.Calendar, DatePrecision.Month, null, null, null);
                }
            }
        }

        // A year alone: "in 2013".
        if (k == i && Calendar.IsYearNumber(doc, i, out int onlyYear) && !IsCountAfter(doc, i + 1) && !doc.Is(i - 1, '$'))
        {
            return Make(doc, i, i + 1, DateExpression.Calendar, DatePrecision.Year, null, new DateOnly(onlyYear, 1, 1), new DateOnly(onlyYear, 12, 31));
        }

        return null;
    }

    private static bool IsMonthLead(Document doc, int monthAt)
    {
        int before = monthAt - 1;
        if (doc.Is(before, '-') && before > 0)
        {
            before--; // "mid-August"
        }

        if (before < 0 || doc.Tokens[before].Kind != TokenKind.Word)
        {
            return false;
        }

        var set = Calendar.IsAmbiguousMonth(doc, monthAt) ? s_strictMonthLead : s_monthLead;
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(before));
    }

    // Words after a year that keep it a year: "in 2015 and 2016", "the 2011 uprising", "2013 was".
    private static readonly FrozenSet<string> s_afterYear = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "and", "to", "until", "when", "after", "before", "as", "in", "on", "the", "at", "for", "with", "by", "that", "under",
        "or", "election", "elections", "war", "uprising", "attack", "attacks", "offensive", "deal", "agreement", "census",
        "report", "was", "is", "have", "has", "had", "alone", "onwards", "onward");

    /// <summary>Whether the word after a four-digit number makes it a count ("2000 people") rather than a year.</summary>
    private static bool IsCountAfter(Document doc, int i) =>
        i < doc.Tokens.Count && doc.Tokens[i].Kind == TokenKind.Word && char.IsLower(doc.Text[doc.Tokens[i].Start])
        && !s_afterYear.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(i));

    private static DateMention? Resolved(Document doc, int first, int end, int year, int month, int day) =>
        Calendar.IsValid(year, month, day) ? Day(doc, first, end, DateExpression.Calendar, new DateOnly(year, month, day)) : null;

    private static DateMention MonthOf(Document doc, int first, int end, int year, int month) =>
        Make(doc, first, end, DateExpression.Calendar, DatePrecision.Month, null, new DateOnly(year, month, 1),
            new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    /// <summary>Numeric dates: "4/5/2017" (month first), "28/8/2019", "2019-08-28", "2019/08/28", "22-04-2016" (day first).</summary>
    private static DateMention? MatchNumeric(Document doc, int i)
    {
        var tokens = doc.Tokens;
        if (i + 2 < tokens.Count && tokens[i].Kind == TokenKind.Number && DottedDate(doc, i) is { } dotted)
        {
            return dotted;
        }

        if (i + 4 >= tokens.Count || tokens[i].Kind != TokenKind.Number)
        {
            return null;
        }

        char sep = doc.Is(i + 1, '/') ? '/' : doc.Is(i + 1, '-') ? '-' : '\0';
        if (sep == '\0' || !doc.Is(i + 3, sep) || tokens[i + 2].Kind != TokenKind.Number || tokens[i + 4].Kind != TokenKind.Number)
        {
            return null;
        }

        for (int k = i + 1; k <= i + 4; k++)
        {
            if (tokens[k].HasSpaceBefore)
            {
                return null;
            }
        }

        if (!TryInt(doc, i, out int a) || !TryInt(doc, i + 2, out int b) || !TryInt(doc, i + 4, out int c))
        {
            return null;
        }

        int year, month, day;
        if (tokens[i].Length == 4)
        {
            (year, month, day) = (a, b, c); // ISO order
        }
        else if (sep == '/' || (sep == '-' && tokens[i + 4].Length == 4 && a <= 31 && b <= 12))
        {
            year = tokens[i + 4].Length == 2 ? 2000 + c : c;
            (month, day) = sep == '-' || (a > 12 && b <= 12) ? (b, a) : (a, b);
        }
        else
        {
            return null;
        }

        return Resolved(doc, i, i + 5, year, month, day);
    }

    /// <summary>
    /// A day, month and year written with dots, day first, as European outlets date their stories: "28.04.2017" (the
    /// tokenizer reads "28.04" as one decimal number, then the dot and the year).
    /// </summary>
    private static DateMention? DottedDate(Document doc, int i)
    {
        var text = doc.TokenText(i);
        int dot = text.IndexOf('.');
        if (dot is < 1 or > 2 || text.Length - dot - 1 is < 1 or > 2 || !doc.Is(i + 1, '.') || doc.Tokens[i + 1].HasSpaceBefore
            || doc.Tokens[i + 2].HasSpaceBefore || doc.Tokens[i + 2].Kind != TokenKind.Number || doc.Tokens[i + 2].Length != 4
            || !int.TryParse(text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || !int.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || !TryInt(doc, i + 2, out int year) || !Calendar.IsValid(year, month, day))
        {
            return null;
        }

        return Resolved(doc, i, i + 3, year, month, day);
    }

    private static bool TryInt(Document doc, int i, out int value) =>
        int.TryParse(doc.TokenText(i), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Weekdays: "on Thursday", "late Sunday", "last Friday", "Sunday night", "overnight Saturday".</summary>
    private static DateMention? MatchWeekday(Document doc, int i)
    {
        int k = i;
        int direction = 0; // -1 last (strictly before), +1 next (strictly after), 0 latest on or before
        while (k < doc.Tokens.Count && k < i + 3)
        {
            if (doc.Is(k, "last") || doc.Is(k, "past"))
            {
                direction = -1;
            }
            else if (doc.Is(k, "next") || doc.Is(k, "coming"))
            {
                direction = 1;
            }
            else if (!(doc.Is(k, "late") || doc.Is(k, "early") || doc.Is(k, "this") || doc.Is(k, "overnight")
                || (k > i && doc.Is(k, "on"))))
            {
                break;
            }

            k++;
        }

        if (Calendar.Weekday(doc, k) is not { } weekday)
        {
            return null;
        }

        int end = k + 1;
        if (end < doc.Tokens.Count && s_partsOfDay.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(end)))
        {
            end++;
        }

        DateOnly? date = null;
        if (doc.Published is { } pub)
        {
            var latest = Calendar.LatestOnOrBefore(pub, weekday);
            date = direction switch
            {
                < 0 => latest == pub ? pub.AddDays(-7) : latest,
                > 0 => latest.AddDays(7),
                _ => latest,
            };
        }

        return Day(doc, i, end, DateExpression.Weekday, date);
    }

    /// <summary>"yesterday", "today", "tonight", "overnight", "last night", "this morning", "the day before yesterday".</summary>
    private static DateMention? MatchRelative(Document doc, int i)
    {
        int offset;
        int end;
        if (doc.Is(i, "the") && doc.Is(i + 1, "day") && doc.Is(i + 2, "before") && doc.Is(i + 3, "yesterday"))
        {
            (offset, end) = (-2, i + 4);
        }
        else if (doc.Is(i, "yesterday"))
        {
            (offset, end) = (-1, i + 1);
        }
        else if (doc.Is(i, "today") || doc.Is(i, "tonight"))
        {
            (offset, end) = (0, i + 1);
        }
        else if (doc.Is(i, "overnight"))
        {
            (offset, end) = (-1, i + 1);
        }
        else if (doc.Is(i, "last") && doc.Is(i + 1, "night"))
        {
            (offset, end) = (-1, i + 2);
        }
        else if ((doc.Is(i, "this") || doc.Is(i, "earlier")) && (doc.Is(i + 1, "morning") || doc.Is(i + 1, "afternoon") || doc.Is(i + 1, "evening") || doc.Is(i + 1, "today")))
        {
            (offset, end) = (0, i + 2);
        }
        else
        {
            return null;
        }

        // "yesterday morning"
        if (end < doc.Tokens.Count && s_partsOfDay.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(end)))
        {
            end++;
        }

        return Day(doc, i, end, DateExpression.Relative, doc.Published?.AddDays(offset));
    }

    /// <summary>"last week", "this week", "earlier this month", "last year", "three days ago", "a week ago".</summary>
    private static DateMention? MatchPeriod(Document doc, int i)
    {
        var pub = doc.Published;

        // "N days ago", "a week ago", "several days ago"
        int countEnd = ParseSmallCount(doc, i, out int count);
        if (countEnd > i && doc.Is(countEnd + 1, "ago"))
        {
            bool days = doc.Is(countEnd, "days") || doc.Is(countEnd, "day");
            bool weeks = doc.Is(countEnd, "weeks") || doc.Is(countEnd, "week");
            if (days || weeks)
            {
                int end = countEnd + 2;
                if (count <= 0)
                {
                    // "several days ago", "a few days ago": a week-precise time with no fixed day.
                    return Make(doc, i, end, DateExpression.Period, DatePrecision.Week, null, pub?.AddDays(-7), pub);
                }

                int back = weeks ? 7 * count : count;
                DateOnly? date = pub?.AddDays(-back);
                return weeks
                    ? Make(doc, i, end, DateExpression.Period, DatePrecision.Week, null, date?.AddDays(-3), date?.AddDays(3))
                    : Day(doc, i, end, DateExpression.Period, date);
            }
        }

        int k = i;
        bool earlier = false;
        if (doc.Is(k, "earlier") || doc.Is(k, "later"))
        {
            earlier = true;
            k++;
        }

        int which; // -1 last, 0 this, -2 past (a span ending at publication)
        if (doc.Is(k, "last") || doc.Is(k, "previous"))
        {
            which = -1;
        }
        else if (doc.Is(k, "this") || doc.Is(k, "current"))
        {
            which = 0;
        }
        else if (doc.Is(k, "past") && !earlier)
        {
            which = -2;
        }
        else
        {
            return null;
        }

        // "the past week", "the last week" span the seven days up to publication.
        bool withThe = doc.Is(i - 1, "the");
        if (withThe && which == -1)
        {
            which = -2;
        }

        int unitAt = k + 1;
        int endAt = unitAt + 1;
        if (doc.Is(unitAt, "week"))
        {
            return which switch
            {
                -1 => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Week, null, pub is { } p1 ? MondayOf(p1).AddDays(-7) : null, pub is { } p2 ? MondayOf(p2).AddDays(-1) : null),
                0 => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Week, null, pub is { } p3 ? MondayOf(p3) : null, pub),
                _ => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Week, null, pub?.AddDays(-7), pub),
            };
        }

        if (doc.Is(unitAt, "month"))
        {
            if (pub is not { } p)
            {
                return Make(doc, i, endAt, DateExpression.Period, DatePrecision.Month, null, null, null);
            }

            return which switch
            {
                -1 => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Month, null, FirstOfMonth(p).AddMonths(-1), FirstOfMonth(p).AddDays(-1)),
                0 => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Month, null, FirstOfMonth(p), p),
                _ => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Month, null, p.AddDays(-30), p),
            };
        }

        if (doc.Is(unitAt, "year"))
        {
            if (pub is not { } p)
            {
                return Make(doc, i, endAt, DateExpression.Period, DatePrecision.Year, null, null, null);
            }

            return which switch
            {
                -1 => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Year, null, new DateOnly(p.Year - 1, 1, 1), new DateOnly(p.Year - 1, 12, 31)),
                0 => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Year, null, new DateOnly(p.Year, 1, 1), p),
                _ => Make(doc, i, endAt, DateExpression.Period, DatePrecision.Year, null, p.AddDays(-365), p),
            };
        }

        return null;
    }

    /// <summary>"in the past 48 hours", "over the last three days", "in the past two months": a span ending at publication.</summary>
    private static DateMention? MatchDuration(Document doc, int i)
    {
        int k = i;
        bool lead = false;
        if (doc.Is(k, "in") || doc.Is(k, "over") || doc.Is(k, "within") || doc.Is(k, "during") || doc.Is(k, "for"))
        {
            lead = true;
            k++;
        }

        if (doc.Is(k, "the"))
        {
            k++;
        }

        bool past = false;
        if (doc.Is(k, "past") || doc.Is(k, "last") || doc.Is(k, "previous"))
        {
            past = true;
            k++;
        }

        if (!lead && !past)
        {
            return null;
        }

        int countEnd = ParseSmallCount(doc, k, out int count);
        if (countEnd == k || count <= 0)
        {
            return null;
        }

        int days;
        if (doc.Is(countEnd, "hours") || doc.Is(countEnd, "hour"))
        {
            days = (count + 23) / 24;
        }
        else if (doc.Is(countEnd, "days") || doc.Is(countEnd, "day"))
        {
            days = count;
        }
        else if (doc.Is(countEnd, "weeks") || doc.Is(countEnd, "week"))
        {
            days = 7 * count;
        }
        else if (doc.Is(countEnd, "months") || doc.Is(countEnd, "month"))
        {
            days = 30 * count;
        }
        else if (doc.Is(countEnd, "years") || doc.Is(countEnd, "year"))
        {
            days = 365 * count;
        }
        else
        {
            return null;
        }

        // "in 48 hours" reads as a span only when it is a past span; "in two days" alone may be the future.
        if (!past && !(doc.Is(i, "in") && doc.Is(countEnd + 1, "of")) && !doc.Is(i, "over") && !doc.Is(i, "within"))
        {
            return null;
        }

        int end = countEnd + 1;
        int first = doc.Is(i, "in") || doc.Is(i, "over") || doc.Is(i, "within") || doc.Is(i, "during") || doc.Is(i, "for") ? i + 1 : i;
        var pub = doc.Published;
        var precision = days <= 7 ? DatePrecision.Week : days <= 31 ? DatePrecision.Month : DatePrecision.Year;
        return Make(doc, first, end, DateExpression.Duration, precision, pub, pub?.AddDays(-(days - 1)), pub);
    }

    /// <summary>Reads a small count in digits or words ("48", "three", "a"); "several"/"a few" give -1.</summary>
    private static int ParseSmallCount(Document doc, int i, out int count)
    {
        count = 0;
        if ((i < 0 || i >= doc.Tokens.Count))
        {
            return i;
        }

        if (doc.Tokens[i].Kind == TokenKind.Number)
        {
            return TryInt(doc, i, out count) ? i + 1 : i;
        }

        if (doc.Is(i, "several") || doc.Is(i, "few"))
        {
            count = -1;
            return i + 1;
        }

        if (doc.Is(i, "a") && doc.Is(i + 1, "few"))
        {
            count = -1;
            return i + 2;
        }

        if (s_smallNumbers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(doc.TokenText(i), out count))
        {
            return i + 1;
        }

        return i;
    }

    private static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);
}
