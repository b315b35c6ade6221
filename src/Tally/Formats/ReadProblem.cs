namespace Tally.Formats;

/// <summary>What became of the input a problem concerns.</summary>
public enum ProblemSeverity : byte
{
    /// <summary>The record (row, line, file) was not read; nothing of it reaches the output.</summary>
    Skipped,

    /// <summary>The record was read, but one of its values was dropped (a bad date is left empty).</summary>
    Warning,
}

/// <summary>A problem a reader met, with where it was and why.</summary>
/// <param name="Position">The file and line or row.</param>
/// <param name="Reason">What was wrong, in words a user can act on.</param>
/// <param name="Severity">Whether the record was skipped or only a value of it dropped.</param>
public sealed record ReadProblem(InputPosition Position, string Reason, ProblemSeverity Severity)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Position}: {(Severity == ProblemSeverity.Skipped ? "skipped" : "warning")}: {Reason}";
}
