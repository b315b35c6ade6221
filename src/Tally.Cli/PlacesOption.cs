using System.CommandLine;
using Tally.Geography;

namespace Tally.Cli;

/// <summary><c>--places FILE</c>: a user's own gazetteer files added to the built-in one.</summary>
internal static class PlacesOption
{
    /// <summary>The environment variable that names more files, separated by the path separator (":" here).</summary>
    public const string Variable = "TALLY_PLACES";

    public static Option<string[]> Create() => new("--places")
    {
        Description = "Add places from this file: a GeoNames country dump (XX.txt) or a file of aliases and places "
            + "(docs/gazetteer.md). Repeatable; " + Variable + " names more.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>
    /// The gazetteer with <paramref name="files"/> (and those of <see cref="Variable"/>) added, or the built-in one when there
    /// are none; <c>null</c> after printing why when a file cannot be read. Unusable lines are printed as warnings.
    /// </summary>
    public static Gazetteer? Load(string[]? files, TextWriter stderr)
    {
        var all = (files ?? []).Concat((Environment.GetEnvironmentVariable(Variable) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (all.Count == 0)
        {
            return Gazetteer.Default;
        }

        try
        {
            var gazetteer = Gazetteer.Default.With(all, out var problems);
            foreach (var problem in problems)
            {
                stderr.WriteLine($"tally: warning: {problem}");
            }

            return gazetteer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"tally: --places: {e.Message}");
            return null;
        }
    }
}
