using System.Globalization;

namespace Tally.Formats;

/// <summary>Parses the publication dates that inputs carry.</summary>
/// <remarks>
/// Accepted: ISO dates and date-times (<c>2019-08-29</c>, <c>2019-08-29T10:00:00Z</c>), slashed dates read month first
/// as FA-KES writes them (<c>4/5/2017</c> is 5 April) unless the first number cannot be a month (<c>28/8/2019</c>),
/// <c>2019/08/29</c>, and the written forms <c>29 Aug 2019</c>, <c>August 29, 2019</c> and RFC 822
/// (<c>Thu, 29 Aug 2019 10:00:00 GMT</c>). The date is taken as written, without converting time zones.
/// </remarks>
public static class PublicationDate
{
    private static readonly string[] s_written =
    [
        "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy", "MMMM d yyyy", "ddd d MMM yyyy",
        "ddd, d MMM yyyy", "dddd, MMMM d, yyyy", "ddd dd MMM yyyy",
    ];

    /// <summary>Tries to read <paramref name="text"/> as a date.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return text.Length == 10 || text[10] is 'T' or ' ' or 't';
        }

        if (TrySlashed(text, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, s_written, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return true;
        }

        return false;
    }

    private static bool TrySlashed(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        Span<Range> parts = stackalloc Range[4];
        if (text.Split(parts, '/') != 3)
        {
            return false;
        }

        var a = text[parts[0]].Trim();
        var b = text[parts[1]].Trim();
        var c = text[parts[2]].Trim();
        int space = c.IndexOf(' ');
        if (space > 0)
        {
            c = c[..space]; // "4/5/2017 10:00"
        }

        if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out int x)
            || !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out int y)
            || !int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out int z))
        {
            return false;
        }

        int year, month, day;
        if (a.Length == 4)
        {
            (year, month, day) = (x, y, z);
        }
        else
        {
            year = c.Length == 2 ? 2000 + z : z;
            (month, day) = x > 12 && y <= 12 ? (y, x) : (x, y);
        }

        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
