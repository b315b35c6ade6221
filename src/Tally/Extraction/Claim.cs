using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

/// <summary>How precisely a claim's date is known (the spec's <c>date_precision</c>).</summary>
public enum ClaimDatePrecision : byte
{
    /// <summary>The day of the incident.</summary>
    Day,

    /// <summary>A span of a few days.</summary>
    Week,

    /// <summary>Only the month.</summary>
    Month,

    /// <summary>Only the year.</summary>
    Year,

    /// <summary>Only the day of the report is known.</summary>
    Report,
}

/// <summary>A value of a claim with the words it came from.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Range">The words, in the document's normalized text; <c>null</c> when the value was inferred (a default, or a sum).</param>
public readonly record struct Sourced<T>(T Value, CharRange? Range);

/// <summary>The figures of one side of a claim: killed, or injured.</summary>
public sealed record Counts
{
    /// <summary>No figure at all.</summary>
    public static Counts None { get; } = new();

    /// <summary>The total; for a breakdown without a total, the sum the article implies.</summary>
    public Sourced<long>? Total { get; init; }

    /// <summary>Civilians among them, if stated.</summary>
    public Sourced<long>? Civilians { get; init; }

    /// <summary>Children among them, if stated.</summary>
    public Sourced<long>? Children { get; init; }

    /// <summary>Women among them, if stated.</summary>
    public Sourced<long>? Women { get; init; }

    /// <summary>Fighters among them, if stated.</summary>
    public Sourced<long>? Fighters { get; init; }

    /// <summary>The hedge on the total, when there is a total.</summary>
    public Qualifier? Qualifier { get; init; }

    /// <summary>The vague word ("dozens") when the article gives no number.</summary>
    public string? Vague { get; init; }

    /// <summary>Whether any figure is present.</summary>
    public bool HasTotal => Total is not null;
}

/// <summary>
/// A casualty claim: a number of people killed or injured in one identifiable incident, as one source states it,
/// with every value pointing to the words it came from.
/// </summary>
/// <remarks>See <c>shared/spec/claims-format.md</c> for what is and is not a claim. Immutable.</remarks>
public sealed record Claim
{
    /// <summary>The incident's date, if any.</summary>
    public Sourced<DateOnly>? Date { get; init; }

    /// <summary>How precisely the date is known.</summary>
    public ClaimDatePrecision DatePrecision { get; init; } = ClaimDatePrecision.Report;

    /// <summary>The most specific place named, as written.</summary>
    public Sourced<string>? Place { get; init; }

    /// <summary>The governorate, one of the spec's fourteen names.</summary>
    public Sourced<string>? Governorate { get; init; }

    /// <summary>The gazetteer entry <see cref="Place"/> was resolved to; <c>null</c> when the place is unresolved or absent.</summary>
    public Tally.Geography.Place? PlaceEntry { get; init; }

    /// <summary>Who the article says did it, as the spec's neutral ids; never empty (<c>unknown</c> at least).</summary>
    public IReadOnlyList<Sourced<string>> Perpetrators { get; init; } = [];

    /// <summary>The kind of attack, one of the spec's ids.</summary>
    public Sourced<string>? Attack { get; init; }

    /// <summary>The killed.</summary>
    public Counts Killed { get; init; } = Counts.None;

    /// <summary>The injured.</summary>
    public Counts Injured { get; init; } = Counts.None;

    /// <summary>Who the article attributes the figures to, as the spec's ids; <c>outlet</c> when nobody.</summary>
    public IReadOnlyList<Sourced<string>> Sources { get; init; } = [];

    /// <summary>The sentence or clause that carries the figure.</summary>
    public CharRange Evidence { get; init; }
}

/// <summary>A cumulative figure over a period or a campaign: exported apart, never a claim.</summary>
/// <param name="Killed">The number killed.</param>
/// <param name="Scope">A few words of the period ("since late April").</param>
/// <param name="Range">Where the figure and its scope are, in the document's normalized text.</param>
public sealed record TallyFigure(long Killed, string Scope, CharRange Range);

/// <summary>What extraction found in one article.</summary>
/// <param name="Document">The annotated document.</param>
/// <param name="Claims">The claims, in text order.</param>
/// <param name="Tallies">The cumulative figures, in text order.</param>
public sealed record ArticleExtraction(Document Document, IReadOnlyList<Claim> Claims, IReadOnlyList<TallyFigure> Tallies);
