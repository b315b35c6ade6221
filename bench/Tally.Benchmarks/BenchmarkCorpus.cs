namespace Tally.Benchmarks;

/// <summary>
/// The articles the stage benchmarks run over: the FA-KES corpus from ../shared when it is there, otherwise
/// articles generated from the developers' own sentence templates (and a note saying so).
/// </summary>
public static class BenchmarkCorpus
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
        "Residents of {2} said the bombardment had gone on for most of {1} and that many families had left for the border.",
        "Government forces said they had repelled an attack on their positions south of {2}, without giving figures.",
        "Local councils in the area appealed for medical supplies after a field hospital in {2} was put out of service.",
        "The ceasefire agreed last year has been broken repeatedly, according to observers who track the violations.",
        "Footage posted online showed rescue workers pulling a child from the rubble of a building in {2}.",
        "A further {3} people were injured when a drone struck a motorbike on the road out of {2} on {1}, a medic said.",
    ];

    private static readonly string[] s_places = ["Kafranbel", "Jarjanaz", "Azaz", "Saraqeb", "Maarat al-Numan", "Douma"];
    private static readonly string[] s_days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>Articles made from the templates, one at a time (for corpora too large to hold): about 1.5 KB each,
    /// a dateline-free body of 10 to 16 sentences, publication dates spread over three years.</summary>
    public static IEnumerable<Article> Stream(int count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateOnly(2017, 1, 1);
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            int sentences = 10 + random.Next(7);
            for (int k = 0; k < sentences; k++)
            {
                if (k > 0)
                {
                    sb.Append(k % 4 == 0 ? "\n\n" : " ");
                }

                sb.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, s_templates[random.Next(s_templates.Length)],
                    random.Next(1, 60), s_days[random.Next(7)], s_places[random.Next(s_places.Length)], random.Next(1, 9),
                    random.Next(5, 40), random.Next(100, 900));
            }

            yield return new Article($"g{i}", sb.ToString())
            {
                Title = $"Strikes on {s_places[random.Next(s_places.Length)]} kill {random.Next(2, 30)}",
                Published = start.AddDays(random.Next(3 * 365)),
                Source = "Generated Wire",
            };
        }
    }

    /// <summary>Writes <paramref name="count"/> generated articles as JSON Lines to <paramref name="path"/>, streaming.</summary>
    public static void WriteJsonLines(int count, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new System.Text.Json.Utf8JsonWriter(file);
        foreach (var a in Stream(count))
        {
            json.Reset(file);
            json.WriteStartObject();
            json.WriteString("id", a.Id);
            json.WriteString("title", a.Title);
            json.WriteString("text", a.Text);
            json.WriteString("published", a.Published!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("source", a.Source);
            json.WriteEndObject();
            json.Flush();
            file.WriteByte((byte)'\n');
        }
    }

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
