using Tally.Formats;
using Tally.Recognizers;

namespace Tally.Tests.Recognizers;

public class DateRecognizerTest
{
    // Thursday 29 August 2019.
    private static readonly DateOnly s_published = TestDocuments.Date("2019-08-29");

    /// <summary>Each date as "phrase:date:precision:from..to".</summary>
    private static string[] Dates(string text, DateOnly? published)
    {
        var doc = TestDocuments.Annotate(text, published);
        return doc.Dates.Select(d =>
            $"{d.Range.Of(doc.Text)}:{Iso(d.Date)}:{SpansWriter.PrecisionName(d.Precision)}:{Iso(d.From)}..{Iso(d.To)}").ToArray();
    }

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    public static TheoryData<string, string[]> Explicit => new()
    {
        { "It happened on August 28, 2019.", ["August 28, 2019:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened on Aug. 28, 2019.", ["Aug. 28, 2019:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened on 28 Aug 2019.", ["28 Aug 2019:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It was hot on Wed 05 Apr 2017 in the city.", ["Wed 05 Apr 2017:2017-04-05:day:2017-04-05..2017-04-05"] },
        { "It was Thursday, August 29, 2019 that day.", ["Thursday, August 29, 2019:2019-08-29:day:2019-08-29..2019-08-29"] },
        { "It happened on 4/5/2017.", ["4/5/2017:2017-04-05:day:2017-04-05..2017-04-05"] },
        { "It happened on 28/8/2019.", ["28/8/2019:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened on 2019-08-28.", ["2019-08-28:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened on the 5th of May.", ["the 5th of May:2019-05-05:day:2019-05-05..2019-05-05"] },
        { "It happened on August 20.", ["August 20:2019-08-20:day:2019-08-20..2019-08-20"] },
        { "It happened on December 30.", ["December 30:2018-12-30:day:2018-12-30..2018-12-30"] },
        { "It began in August 2013.", ["August 2013:-:month:2013-08-01..2013-08-31"] },
        { "It began in 2013.", ["2013:-:year:2013-01-01..2013-12-31"] },
        { "Killed since late April.", ["April:-:month:2019-04-01..2019-04-30"] },
        { "Killed since mid-September.", ["September:-:month:2018-09-01..2018-09-30"] },
        { "You may go. March on.", [] },
        { "It happened in May.", ["May:-:month:2019-05-01..2019-05-31"] },
        { "Hospitals filled between 21 and 26 of July.", ["between 21 and 26 of July:-:week:2019-07-21..2019-07-26"] },
        { "It happened on 05.03.2017 in the north.", ["05.03.2017:2017-03-05:day:2017-03-05..2017-03-05"] },
        { "It cost 2.5 dollars in 2017.", ["2017:-:year:2017-01-01..2017-12-31"] },
        { "It scored 31.13.2017 here.", [] },
        { "Hospitals filled from 3 to 19 July 2018.", ["from 3 to 19 July 2018:-:month:2018-07-03..2018-07-19"] },
        { "Hospitals filled from 26 to 21 July.", ["21 July:2019-07-21:day:2019-07-21..2019-07-21"] },
    };

    public static TheoryData<string, string[]> Relative => new()
    {
        { "It happened on Thursday.", ["Thursday:2019-08-29:day:2019-08-29..2019-08-29"] },
        { "It happened on Wednesday.", ["Wednesday:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened on Friday.", ["Friday:2019-08-23:day:2019-08-23..2019-08-23"] },
        { "It happened last Thursday.", ["last Thursday:2019-08-22:day:2019-08-22..2019-08-22"] },
        { "It happened late Sunday.", ["late Sunday:2019-08-25:day:2019-08-25..2019-08-25"] },
        { "It happened on Sunday night.", ["Sunday night:2019-08-25:day:2019-08-25..2019-08-25"] },
        { "It happened yesterday.", ["yesterday:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened today.", ["today:2019-08-29:day:2019-08-29..2019-08-29"] },
        { "It happened overnight.", ["overnight:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened last night.", ["last night:2019-08-28:day:2019-08-28..2019-08-28"] },
        { "It happened three days ago.", ["three days ago:2019-08-26:day:2019-08-26..2019-08-26"] },
        { "It happened last week.", ["last week:-:week:2019-08-19..2019-08-25"] },
        { "It happened earlier this month.", ["earlier this month:-:month:2019-08-01..2019-08-29"] },
        { "It happened last month.", ["last month:-:month:2019-07-01..2019-07-31"] },
        { "It happened this year.", ["this year:-:year:2019-01-01..2019-08-29"] },
        { "Killed in the past 48 hours.", ["the past 48 hours:2019-08-29:week:2019-08-28..2019-08-29"] },
        { "Killed in 48 hours of strikes.", ["48 hours:2019-08-29:week:2019-08-28..2019-08-29"] },
        { "Killed over the last three days.", ["the last three days:2019-08-29:week:2019-08-27..2019-08-29"] },
        { "It happened several days ago.", ["several days ago:-:week:2019-08-22..2019-08-29"] },
    };

    [Theory]
    [MemberData(nameof(Explicit))]
    [MemberData(nameof(Relative))]
    public void Recognize_Table(string text, string[] expected) => Assert.Equal(expected, Dates(text, s_published));

    [Fact]
    public void Recognize_WithoutPublicationDate_KeepsPrecisionButNoDay()
    {
        Assert.Equal(["Thursday:-:day:-..-"], Dates("It happened on Thursday.", null));
        Assert.Equal(["August 28, 2019:2019-08-28:day:2019-08-28..2019-08-28"], Dates("On August 28, 2019 it rained.", null));
    }

    public static TheoryData<string, string?> Datelines => new()
    {
        { "Wed 05 Apr 2017 Syria attack kills two.", "2017-04-05" },
        { "BEIRUT, Aug 28, 2019 - Two died on Tuesday.", "2019-08-28" },
        { "Date of publication 21 September 2016 Four died.", "2016-09-21" },
        { "Published August 15 2016 A strike hit.", "2016-08-15" },
        { "Last updated at Jun 062016 AMMAN Strikes hit the city.", "2016-06-06" },
        { "28.04.2017Get short URL Over 100 militants were killed.", "2017-04-28" },
        { "It happened on August 28, 2019 in the north.", null },
        { "Two died on Tuesday.", null },
    };

    [Theory]
    [MemberData(nameof(Datelines))]
    public void Dateline_WinsOverTheDatasetDate(string text, string? expected)
    {
        var doc = TestDocuments.Annotate(text, s_published);
        Assert.Equal(expected, Iso(doc.Dateline?.Date) is "-" ? null : Iso(doc.Dateline?.Date));
        Assert.Equal(expected ?? "2019-08-29", Iso(doc.Published));
        // The dateline is the publication date, not an incident date.
        Assert.DoesNotContain(doc.Dates, d => doc.Dateline is { } line && d.FirstToken == line.FirstToken);
    }

    [Fact]
    public void Dateline_AfterATitleRepeatedInTheText_IsFound()
    {
        var doc = Pipeline.Default.Annotate(new Article("t", "Strikes kill five in the north Monitor Wire Wednesday 25 Feb 2015 Five died on Saturday.")
        {
            Title = "Strikes kill five in the north Monitor Wire - Region - Sample Online",
            Published = s_published,
        });
        Assert.Equal("2015-02-25", Iso(doc.Dateline?.Date));
        Assert.Equal("2015-02-21", Iso(doc.Dates.Single().Date));
    }

    [Fact]
    public void Dateline_ResolvesRelativeDates()
    {
        // The dataset says 29 August; the dateline says Monday 15 August 2016, so Sunday is the 14th.
        var doc = TestDocuments.Annotate("Published August 15 2016 A bus was bombed on Sunday.", s_published);
        Assert.Equal("2016-08-14", Iso(doc.Dates.Single().Date));
    }

    [Fact]
    public void Recognize_WeekdayOnPublicationDay_IsThatDay()
    {
        Assert.Equal(["Thursday:2019-08-29:day:2019-08-29..2019-08-29"], Dates("It happened on Thursday.", s_published));
        Assert.Equal(["Monday:2019-08-26:day:2019-08-26..2019-08-26"], Dates("It happened on Monday.", TestDocuments.Date("2019-08-27")));
    }
}
