namespace Tally.Corroboration;

/// <summary>
/// Reconciled figures of one victim category: the lowest and highest figure the independent sources give, and the
/// best estimate, each with the claim it came from.
/// </summary>
/// <param name="Low">The lowest figure of an independent source.</param>
/// <param name="Best">The best estimate (see <see cref="Reconciler"/>).</param>
/// <param name="High">The highest figure of an independent source.</param>
/// <param name="LowFrom">The claim (<c>article#ordinal</c>) that gives <paramref name="Low"/>.</param>
/// <param name="BestFrom">The claim that gives <paramref name="Best"/>.</param>
/// <param name="HighFrom">The claim that gives <paramref name="High"/>.</param>
/// <param name="AtLeast">Whether the source of the high figure says "at least" (the toll may be higher still).</param>
public sealed record Estimate(long Low, long Best, long High, string LowFrom, string BestFrom, string HighFrom, bool AtLeast);

/// <summary>What one independent source says of an incident: its latest figures, and the claims behind them.</summary>
/// <param name="Key">The source's key: a named body (<c>sohr</c>, <c>white_helmets</c>...), or for unnamed activists
/// and the outlets' own figures, that id and the report group.</param>
/// <param name="Source">The spec's source id.</param>
/// <param name="Outlets">The outlets that carried it.</param>
/// <param name="Latest">The claim whose figures stand (its latest); earlier ones are superseded.</param>
/// <param name="Claims">Every claim of this source in the incident, earliest first.</param>
public sealed record SourceReport(string Key, string Source, IReadOnlyList<string> Outlets, IncidentClaim Latest, IReadOnlyList<IncidentClaim> Claims);

/// <summary>
/// The event behind claims of many articles and outlets: when, where, who and how, the reconciled figures, the
/// independent sources, and a summary, each traceable to its claims.
/// </summary>
/// <remarks>Immutable. Built by <see cref="IncidentClusterer"/>.</remarks>
public sealed record Incident
{
    /// <summary>A stable id derived from the incident's earliest claim.</summary>
    public required string Id { get; init; }

    /// <summary>The claims, by article (ingest order) and position.</summary>
    public required IReadOnlyList<IncidentClaim> Claims { get; init; }

    /// <summary>The day the claims agree on best (the most precise claim's date), if any.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The first and last day the incident can have been on, given every claim's precision.</summary>
    public DateOnly? From { get; init; }

    /// <inheritdoc cref="From"/>
    public DateOnly? To { get; init; }

    /// <summary>The precision of <see cref="Date"/>: the best among the claims.</summary>
    public string DatePrecision { get; init; } = "report";

    /// <summary>The most specific place named, as the first claim naming it wrote it.</summary>
    public string? Place { get; init; }

    /// <summary>The gazetteer entry of the place (or of the governorate when no place is known), if any.</summary>
    public PlaceEntry? Entry { get; init; }

    /// <summary>The governorate.</summary>
    public string? Governorate { get; init; }

    /// <summary>The perpetrators the claims name, <c>unknown</c> left out when any is named.</summary>
    public IReadOnlyList<string> Perpetrators { get; init; } = [];

    /// <summary>The attack type the claims agree on (the most named).</summary>
    public string? Attack { get; init; }

    /// <summary>The reconciled figures per victim category; a category no claim gives is absent.</summary>
    public IReadOnlyDictionary<VictimCategory, Estimate> Figures { get; init; } = new Dictionary<VictimCategory, Estimate>();

    /// <summary>The independent sources, each with its standing figures.</summary>
    public IReadOnlyList<SourceReport> Sources { get; init; } = [];

    /// <summary>Incidents this one is the total of, or a part of ("seven killed: four in A and three in B").</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>A short factual summary of the record, built only from the fields above.</summary>
    public string Summary { get; init; } = "";

    /// <summary>The reconciled killed, if any claim gives a figure.</summary>
    public Estimate? Killed => Figures.GetValueOrDefault(VictimCategory.Killed);

    /// <summary>The reconciled injured, if any claim gives a figure.</summary>
    public Estimate? Injured => Figures.GetValueOrDefault(VictimCategory.Injured);
}
