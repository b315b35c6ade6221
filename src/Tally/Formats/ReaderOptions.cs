namespace Tally.Formats;

/// <summary>The kinds of input Tally reads.</summary>
public enum InputFormat : byte
{
    /// <summary>Decide from the file's extension, or from its first bytes.</summary>
    Auto,

    /// <summary>Plain text: one article per file.</summary>
    Text,

    /// <summary>JSON Lines: one article object per line.</summary>
    JsonLines,

    /// <summary>CSV with a header row and a column mapping.</summary>
    Csv,

    /// <summary>A saved web page: one article per file.</summary>
    Html,

    /// <summary>An RSS or Atom feed: one article per item.</summary>
    Feed,
}

/// <summary>How readers read: the column mapping for CSV, the forced format, and where problems go.</summary>
public sealed record ReaderOptions
{
    /// <summary>The input format; <see cref="InputFormat.Auto"/> decides per file.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>For CSV: which column holds which field; <c>null</c> recognizes the header (FA-KES, or id/title/text/...).</summary>
    public ColumnMapping? Columns { get; init; }

    /// <summary>Receives every problem as it is found. The default ignores them.</summary>
    public Action<ReadProblem> OnProblem { get; init; } = static _ => { };
}
