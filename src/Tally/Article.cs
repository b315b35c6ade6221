namespace Tally;

/// <summary>Where in an input an article (or a problem) was found.</summary>
/// <param name="File">The file's path as given, or <c>-</c> for standard input.</param>
/// <param name="Line">The line (from 1) where the record starts, if the input has lines.</param>
/// <param name="Row">The data row (from 1, header excluded) of a CSV file, if any.</param>
public readonly record struct InputPosition(string File, int? Line = null, int? Row = null)
{
    /// <inheritdoc/>
    public override string ToString() =>
        (Line, Row) switch
        {
            (not null, not null) => $"{File}:{Line} (row {Row})",
            (not null, null) => $"{File}:{Line}",
            (null, not null) => $"{File} (row {Row})",
            _ => File,
        };
}

/// <summary>
/// One news article as a reader found it: the text and what is known about it.
/// </summary>
/// <remarks>Immutable. <see cref="Text"/> is kept exactly as read; normalization happens in <see cref="Text.Document"/>.</remarks>
/// <param name="Id">The article's id: the FA-KES <c>unit_id</c>, a JSON Lines <c>id</c>, or a text file's name without extension.</param>
/// <param name="Text">The article's body.</param>
public sealed record Article(string Id, string Text)
{
    /// <summary>The headline, if the input gives one.</summary>
    public string? Title { get; init; }

    /// <summary>The publication date, if known.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The outlet that published the article (e.g. "TRT World", "sana").</summary>
    public string? Source { get; init; }

    /// <summary>Who wrote the article (a web page's or feed item's author), if known.</summary>
    public string? Byline { get; init; }

    /// <summary>The article's address, if known.</summary>
    public string? Url { get; init; }

    /// <summary>A location hint given by the dataset (FA-KES <c>location</c>), not by the text.</summary>
    public string? LocationHint { get; init; }

    /// <summary>Where the article was read from.</summary>
    public InputPosition? Origin { get; init; }
}
