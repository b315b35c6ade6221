using Tally.Formats;

namespace Tally.Cli;

/// <summary>Prints read problems to standard error as they come, and counts them.</summary>
internal sealed class ProblemReporter(TextWriter error)
{
    public int Skipped { get; private set; }

    public int Warnings { get; private set; }

    public void Report(ReadProblem problem)
    {
        if (problem.Severity == ProblemSeverity.Skipped)
        {
            Skipped++;
        }
        else
        {
            Warnings++;
        }

        error.WriteLine($"tally: {problem}");
    }
}
