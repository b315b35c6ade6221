namespace Tally.Storage;

/// <summary>An article as the record holds it.</summary>
/// <param name="Id">The source id (FA-KES <c>unit_id</c>, a JSON Lines <c>id</c>, a file name...).</param>
/// <param name="Hash">The hash of its normalized content (<see cref="NearDuplicates.ContentHash"/>).</param>
/// <param name="Seq">Its place in ingest order, from 1.</param>
public sealed record ArticleRow(string Id, string Hash, long Seq)
{
    public string? Title { get; init; }

    /// <summary>The publication date, <c>yyyy-MM-dd</c>.</summary>
    public string? Published { get; init; }

    public string? Source { get; init; }

    public string? Url { get; init; }

    /// <summary>Who wrote it, if the input says.</summary>
    public string? Byline { get; init; }

    /// <summary>Where it was read from (file, line, row).</summary>
    public string? Origin { get; init; }

    /// <summary>The text as read.</summary>
    public string Text { get; init; } = "";

    public int ClaimCount { get; init; }

    /// <summary>The MinHash signature of the article's shingles (see <see cref="NearDuplicates"/>).</summary>
    public ulong[]? Signature { get; init; }

    /// <summary>How many distinct shingles the article has.</summary>
    public int? ShingleCount { get; init; }
}

/// <summary>An article in an LSH bucket: the bucket, the article's ingest order and id.</summary>
public readonly record struct BucketMember(long Bucket, long Seq, string ArticleId);

/// <summary>What incidents need of an article: its id, ingest order, outlet, publication date and title.</summary>
public sealed record ArticleHead(string Id, long Seq, string? Source, string? Published, string? Title);

/// <summary>A claim as the record holds it: the columns queries filter on, and the whole claim as JSON (with spans).</summary>
public sealed record ClaimRow(string ArticleId, int Ordinal)
{
    public string? Date { get; init; }

    public string? DatePrecision { get; init; }

    public string? Place { get; init; }

    public string? Governorate { get; init; }

    public long? Killed { get; init; }

    public long? Injured { get; init; }

    public IReadOnlyList<string> Perpetrators { get; init; } = [];

    public string? Attack { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The claim in the spec's JSON with a <c>spans</c> object.</summary>
    public string Json { get; init; } = "{}";
}

/// <summary>A figure kept apart as a cumulative tally.</summary>
public sealed record TallyRow(string ArticleId, int Ordinal, long Killed, string Scope);

/// <summary>A record of the input that could not be read, as the record keeps it.</summary>
/// <param name="File">The input's path.</param>
/// <param name="Line">The line, or 0.</param>
/// <param name="Row">The CSV row, or 0.</param>
/// <param name="Severity"><c>skipped</c> or <c>warning</c>.</param>
/// <param name="Reason">Why.</param>
public sealed record ProblemRow(string File, long Line, long Row, string Severity, string Reason);

/// <summary>A near-duplicate link: <paramref name="ArticleId"/> repeats <paramref name="Of"/>, ingested before it.</summary>
public sealed record DuplicateRow(string ArticleId, string Of, double Containment);

/// <summary>What a query of claims keeps. Every set field must match.</summary>
public sealed record ClaimFilter
{
    /// <summary>Claims on or after this day (<c>yyyy-MM-dd</c>).</summary>
    public string? From { get; init; }

    /// <summary>Claims on or before this day.</summary>
    public string? To { get; init; }

    public string? Governorate { get; init; }

    /// <summary>A place, matched by spelling key ("Khan Sheikhoun" finds "Khan Shaykhun").</summary>
    public string? Place { get; init; }

    public string? Perpetrator { get; init; }

    public string? Attack { get; init; }

    public string? Source { get; init; }

    public string? Article { get; init; }
}

/// <summary>How many of each thing the record holds.</summary>
public sealed record StoreCounts(long Articles, long Claims, long Tallies, long Problems, long Duplicates);
