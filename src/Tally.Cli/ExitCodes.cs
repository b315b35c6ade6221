namespace Tally.Cli;

/// <summary>The exit codes of the <c>tally</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was read and done.</summary>
    public const int Ok = 0;

    /// <summary>The job was done, but some input was skipped (each skip is reported on standard error).</summary>
    public const int SomethingSkipped = 1;

    /// <summary>The command line was wrong, or the job could not start.</summary>
    public const int Usage = 2;
}
