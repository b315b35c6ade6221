using Tally.Text;

namespace Tally.Recognizers;

/// <summary>How precisely a date is known.</summary>
public enum DatePrecision : byte
{
    /// <summary>The day is known.</summary>
    Day,

    /// <summary>A span of a few days is known ("in the past 48 hours", "last week").</summary>
    Week,

    /// <summary>Only the month is known.</summary>
    Month,

    /// <summary>Only the year is known.</summary>
    Year,
}

/// <summary>What kind of expression a date came from.</summary>
public enum DateExpression : byte
{
    /// <summary>A calendar date, complete or not: "August 28, 2019", "28 Aug", "4/5/2017", "August 2019", "2013".</summary>
    Calendar,

    /// <summary>A weekday resolved against publication: "on Thursday", "late Sunday", "last Friday".</summary>
    Weekday,

    /// <summary>A day named relative to publication: "yesterday", "today", "tonight", "overnight", "last night".</summary>
    Relative,

    /// <summary>A span relative to publication: "last week", "earlier this month", "this year", "three days ago".</summary>
    Period,

    /// <summary>A length of time up to publication: "in the past 48 hours", "over the last three days".</summary>
    Duration,
}

/// <summary>
/// A date found in text, resolved against the article's publication date where it needs one.
/// </summary>
/// <remarks>
/// <see cref="From"/> and <see cref="To"/> bound the days the expression can mean ("last week": that Monday to
/// Sunday; "August 2019": the 1st to the 31st). <see cref="Date"/> is the one day it names, when it names one: a
/// calendar day, a weekday, "yesterday", or the end of a duration ("in the past 48 hours" names publication day).
/// All three are <c>null</c> when the expression is relative and the publication date is unknown.
/// </remarks>
/// <param name="Range">The expression, in the document's normalized text.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="EndToken">Index just after its last token.</param>
/// <param name="Expression">What kind of expression it is.</param>
/// <param name="Precision">How precisely it fixes the date.</param>
/// <param name="Date">The one day it names, if any.</param>
/// <param name="From">The first day it can mean, if known.</param>
/// <param name="To">The last day it can mean, if known.</param>
public readonly record struct DateMention(
    CharRange Range,
    int FirstToken,
    int EndToken,
    DateExpression Expression,
    DatePrecision Precision,
    DateOnly? Date,
    DateOnly? From,
    DateOnly? To);
