using Tally.Text;

namespace Tally.Tests;

/// <summary>Builds annotated documents from sentences written for the tests.</summary>
internal static class TestDocuments
{
    public static Document Annotate(string text, DateOnly? published = null, string? title = null) =>
        Pipeline.Default.Annotate(new Article("test", text) { Published = published, Title = title });

    public static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Finds the repository and the shared folder beside it.</summary>
internal static class Paths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The shared folder (../shared, or TALLY_SHARED), or null when it is not there.</summary>
    public static string? Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("TALLY_SHARED");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")) : fromEnv;
            return File.Exists(Path.Combine(path, "spec", "claims-format.md")) ? path : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tally.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Tally.slnx) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test that reads ../shared: skipped, with the reason, when the folder is not there.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (Paths.Shared is null)
        {
            Skip = "../shared is not there (set TALLY_SHARED to its path): corpus-scale checks skipped";
        }
    }
}
