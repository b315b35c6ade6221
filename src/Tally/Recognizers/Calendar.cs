using System.Collections.Frozen;
using Tally.Text;

namespace Tally.Recognizers;

/// <summary>English month and weekday names, and the date arithmetic the recognizers share.</summary>
internal static class Calendar
{
    private static readonly FrozenDictionary<string, int> s_months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> s_weekdays = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> s_weekdayAbbreviations = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly WordSet s_names = new(s_months.Keys.Concat(s_weekdays.Keys).Concat(s_weekdayAbbreviations.Keys));

    /// <summary>Whether token <paramref name="i"/> is a month's or a weekday's name or abbreviation (any case).</summary>
    internal static bool IsName(Document doc, int i) => s_names.Contains(doc, i);


    /// <summary>The month (1-12) that token <paramref name="i"/> names, if it is a capitalized month name or abbreviation.</summary>
    public static int Month(Document doc, int i)
    {
        if ((i < 0 || i >= doc.Tokens.Count) || doc.Tokens[i].Kind != TokenKind.Word)
        {
            return 0;
        }

        var text = doc.TokenText(i);
        if (!char.IsUpper(text[0]))
        {
            return 0;
        }

        return s_months.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out int m) ? m : 0;
    }

    /// <summary>Whether the month name at <paramref name="i"/> is a full name that is also a common word ("May", "March").</summary>
    public static bool IsAmbiguousMonth(Document doc, int i) => doc.Is(i, "May") || doc.Is(i, "March") || doc.Is(i, "Mar");

    /// <summary>The weekday that token <paramref name="i"/> names in full and capitalized, if any.</summary>
    public static DayOfWeek? Weekday(Document doc, int i, bool allowAbbreviation = false)
    {
        if ((i < 0 || i >= doc.Tokens.Count) || doc.Tokens[i].Kind != TokenKind.Word)
        {
            return null;
        }

        var text = doc.TokenText(i);
        if (!char.IsUpper(text[0]))
        {
            return null;
        }

        if (s_weekdays.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var d))
        {
            return d;
        }

        return allowAbbreviation && s_weekdayAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out d) ? d : null;
    }

    /// <summary>The latest <paramref name="day"/> on or before <paramref name="reference"/>.</summary>
    public static DateOnly LatestOnOrBefore(DateOnly reference, DayOfWeek day)
    {
        int back = ((int)reference.DayOfWeek - (int)day + 7) % 7;
        return reference.AddDays(-back);
    }

    /// <summary>The year in which a day-and-month without a year most likely fell, seen from <paramref name="reference"/>.</summary>
    /// <remarks>The reference's year, unless that puts the date more than a week after the reference: then the year before.</remarks>
    public static int YearOf(int month, int day, DateOnly reference)
    {
        int year = reference.Year;
        if (IsValid(year, month, day) && new DateOnly(year, month, day).DayNumber > reference.DayNumber + 7)
        {
            year--;
        }

        return year;
    }

    /// <summary>The year in which a month named without a year most likely fell: the latest one not after <paramref name="reference"/>'s month.</summary>
    public static int YearOfMonth(int month, DateOnly reference) => month > reference.Month ? reference.Year - 1 : reference.Year;

    /// <summary>Whether the three numbers make a calendar date.</summary>
    public static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Whether token <paramref name="i"/> is a four-digit number that reads as a year (1900-2099).</summary>
    public static bool IsYearNumber(Document doc, int i, out int year)
    {
        year = 0;
        if ((i < 0 || i >= doc.Tokens.Count))
        {
            return false;
        }

        var t = doc.Tokens[i];
        if (t.Kind != TokenKind.Number || t.Length != 4)
        {
            return false;
        }

        var text = doc.TokenText(i);
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year))
        {
            return false;
        }

        return year is >= 1900 and <= 2099;
    }

    /// <summary>The value of a one- or two-digit day number (or "28th"), or 0.</summary>
    public static int DayNumber(Document doc, int i)
    {
        if ((i < 0 || i >= doc.Tokens.Count))
        {
            return 0;
        }

        var t = doc.Tokens[i];
        var text = doc.TokenText(i);
        if (t.Kind == TokenKind.Ordinal)
        {
            text = text[..^2];
        }
        else if (t.Kind != TokenKind.Number)
        {
            return 0;
        }

        if (text.Length is < 1 or > 2 || !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d))
        {
            return 0;
        }

        return d is >= 1 and <= 31 ? d : 0;
    }
}
