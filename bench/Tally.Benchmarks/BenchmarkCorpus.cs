namespace Tally.Benchmarks;

/// <summary>
/// The articles the stage benchmarks run over: the FA-KES corpus from ../shared when it is there, otherwise
/// articles generated from the developers' own sentence templates (and a note saying so).
/// </summary>
internal static class BenchmarkCorpus
{
    public static IReadOnlyList<Article> Load()
    {
        var shared = Environment.GetEnvironmentVariable("TALLY_SHARED") ?? FindShared();
        var csv = shared is null ? null : Path.Combine(shared, "corpus", "FA-KES-Dataset.csv");
        if (csv is not null && File.Exists(csv))
        {
            return Formats.ArticleInput.Read([csv], new Formats.ReaderOptions()).ToList();
        }

        Console.Error.WriteLine("../shared not found: benchmarking generated articles instead of FA-KES.");
        return Generated(800);
    }

    private static string? FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tally.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.Parent is { } parent && Directory.Exists(Path.Combine(parent.FullName, "shared")) ? Path.Combine(parent.FullName, "shared") : null;
    }

    private static readonly string[] s_templates =
    [
        "At least {0} civilians were killed on {1} in air strikes on the town of {2}, rescue workers said.",
        "The monitor said {0} people, including {3} children, died when shells hit a market in {2} late {1}.",
        "More than {0} fighters were killed in clashes near {2} over the past 48 hours, according to activists.",
        "A car bomb exploded in {2} on {1}, killing {0} and wounding about {4} others, officials said.",
        "Since the start of the year, over {5} civilians have been killed in the province.",
    ];

    private static readonly string[] s_places = ["Kafranbel", "Jarjanaz", "Azaz", "Saraqeb", "Maarat al-Numan", "Douma"];
    private static readonly string[] s_days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static IReadOnlyList<Article> Generated(int count)
    {
        var random = new Random(42);
        var articles = new List<Article>(count);
        for (int i = 0; i < count; i++)
        {
            var sentences = Enumerable.Range(0, 12).Select(_ => string.Format(System.Globalization.CultureInfo.InvariantCulture,
                s_templates[random.Next(s_templates.Length)], random.Next(1, 60), s_days[random.Next(7)],
                s_places[random.Next(s_places.Length)], random.Next(1, 9), random.Next(5, 40), random.Next(100, 900)));
            articles.Add(new Article($"g{i}", string.Join(" ", sentences)) { Published = new DateOnly(2019, 8, 29) });
        }

        return articles;
    }
}
