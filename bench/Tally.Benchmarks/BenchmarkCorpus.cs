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

    // Sentence templates of our own. A slot in braces is filled from the pool of that name; "{a|b|c}" picks one of its
    // choices. Enough pools and choices that two articles share a five-word run about as often as news reports do.
    private static readonly string[] s_templates =
    [
        "At least {n} {victims} were killed {time} in {weapon} on {where}, {src} said.",
        "{src_cap} said {n} people, including {small} children, {died} when {weapon} hit {a_target} in {place} {time}.",
        "More than {n} fighters {were_killed} in clashes {near} {place} over the past {hours} hours, according to {src_obj}.",
        "A car bomb exploded {near} {a_target} in {place} {time}, killing {n} and wounding about {mid} others, {src} said.",
        "Since {since}, over {big} civilians have been killed in {region}, {src} said.",
        "Residents of {place} said the {bombardment} had gone on for most of {day} and that {many} families had left for {refuge}.",
        "{forces_cap} said they had {repelled} an attack on their positions {direction} of {place}, without giving figures.",
        "{council_cap} in {region} appealed for {supplies} after {a_target} in {place} was put out of service.",
        "The {truce} agreed {truce_when} has been broken {often}, according to {observers}.",
        "Footage {posted} showed {rescuers} pulling {a_child} from the rubble of {a_building} in {place}.",
        "A further {small} people were {hurt} when a drone struck {a_vehicle} on the road {toward} {place} {time}, {src} said.",
        "{src_cap} put the toll from {weapon} on {where} at {n} dead and {mid} wounded.",
        "The {word1} of {place} {word2} {word3} {time}, and {word4} {word5} {word6} {near} {place2}.",
        "{word5_cap} {word2} the {word1} {direction} of {place2} while {word4} {word3} in {region}.",
    ];

    private static readonly Dictionary<string, string[]> s_pools = new()
    {
        ["place"] =
        [
            "Kafranbel", "Jarjanaz", "Azaz", "Saraqeb", "Maarat al-Numan", "Douma", "Khan Sheikhoun", "Ariha", "Jisr al-Shughur",
            "Atarib", "Darat Izza", "Manbij", "al-Bab", "Tal Rifaat", "Harasta", "Zamalka", "Arbin", "Jobar", "Daraya",
            "Rastan", "Talbiseh", "Houla", "Latamneh", "Kafr Zita", "Morek", "Tafas", "Nawa", "Inkhil", "Hajin", "Mayadin",
            "Shaddadi", "Tabqa", "Qamishli", "Ras al-Ain", "Kobani", "Sarmada", "Binnish", "Taftanaz", "Salqin", "Harem",
            "Darkush", "Kafr Nabl", "Hish", "Maar Shurin", "Sheikh Maqsoud", "Bustan al-Qasr", "Saqba", "Kafr Batna",
        ],
        ["victims"] = ["civilians", "people", "children", "women and children", "members of one family", "aid workers", "displaced people"],
        ["weapon"] = ["air strikes", "barrel bombs", "artillery shelling", "rocket fire", "mortar rounds", "drone strikes", "cluster munitions", "Russian air raids", "regime helicopters"],
        ["where"] = ["the town of {place}", "a market in {place}", "villages around {place}", "the outskirts of {place}", "a school in {place}", "{place} and {place2}"],
        ["time"] = ["on {day}", "early on {day}", "late on {day}", "overnight", "on {day} morning", "on {day} evening", "at dawn on {day}"],
        ["day"] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        ["src"] = ["rescue workers", "the Syrian Observatory for Human Rights", "activists", "a local medic", "the civil defence", "state media", "a monitoring group", "residents", "an opposition spokesman", "a hospital official"],
        ["src_cap"] = ["Rescue workers", "The Syrian Observatory for Human Rights", "Activists", "A local medic", "The civil defence", "State media", "A monitoring group", "Residents"],
        ["src_obj"] = ["activists", "the Observatory", "a war monitor", "local sources", "both sides", "military sources"],
        ["died"] = ["died", "were killed", "lost their lives", "were left dead"],
        ["were_killed"] = ["were killed", "died", "have been killed", "lost their lives"],
        ["hurt"] = ["injured", "wounded", "hurt", "badly wounded"],
        ["a_target"] = ["a market", "a bakery", "a field hospital", "a school", "a mosque", "a fuel depot", "a bus station", "a water plant"],
        ["near"] = ["near", "around", "just outside", "north of", "south of", "on the edge of"],
        ["direction"] = ["north", "south", "east", "west", "northeast", "southwest"],
        ["hours"] = ["24", "48", "72", "12", "36"],
        ["since"] = ["the start of the year", "the offensive began", "April", "the truce collapsed", "last summer"],
        ["region"] = ["the province", "Idlib province", "the northwest", "eastern Ghouta", "the Aleppo countryside", "rural Hama", "the south"],
        ["bombardment"] = ["bombardment", "shelling", "air campaign", "fighting", "siege"],
        ["many"] = ["many", "dozens of", "hundreds of", "most", "several"],
        ["refuge"] = ["the border", "the camps", "nearby villages", "the coast", "Turkey"],
        ["forces_cap"] = ["Government forces", "Rebel groups", "Kurdish-led fighters", "Turkish-backed factions", "Pro-government militias"],
        ["repelled"] = ["repelled", "pushed back", "beaten off", "stopped"],
        ["council_cap"] = ["Local councils", "Aid groups", "Doctors", "Relief agencies", "Camp managers"],
        ["supplies"] = ["medical supplies", "fuel", "blankets and food", "clean water", "generators"],
        ["truce"] = ["ceasefire", "truce", "de-escalation deal", "local agreement"],
        ["truce_when"] = ["last year", "in March", "in the spring", "two months ago", "in Astana"],
        ["often"] = ["repeatedly", "almost daily", "many times", "on several fronts"],
        ["observers"] = ["observers who track the violations", "monitors on the ground", "local officials", "the United Nations"],
        ["posted"] = ["posted online", "shared by activists", "aired by local television", "seen by reporters"],
        ["rescuers"] = ["rescue workers", "volunteers", "neighbours", "civil defence teams"],
        ["a_child"] = ["a child", "a young girl", "an elderly man", "two brothers", "a woman"],
        ["a_building"] = ["a building", "a house", "an apartment block", "a shop", "a clinic"],
        ["a_vehicle"] = ["a motorbike", "a minibus", "a car", "a truck carrying flour", "an ambulance"],
        ["toward"] = ["out of", "into", "towards", "between {place2} and"],
        ["word1"] = ["people", "farmers", "traders", "schools", "hospitals", "bakeries", "roads", "families", "doctors", "teachers"],
        ["word2"] = ["waited", "gathered", "struggled", "reopened", "closed", "moved", "returned", "fled", "worked", "prayed"],
        ["word3"] = ["quietly", "again", "for hours", "under fire", "in the dark", "without power", "despite the cold", "at night"],
        ["word4"] = ["convoys", "patrols", "prices", "queues", "rumours", "talks", "crowds", "lessons", "repairs", "markets"],
        ["word5"] = ["stalled", "resumed", "grew", "stopped", "spread", "began", "ended", "slowed", "doubled", "returned"],
        ["word5_cap"] = ["Talks", "Patrols", "Prices", "Convoys", "Repairs", "Queues", "Crowds", "Lessons"],
        ["word6"] = ["later", "by noon", "soon after", "within days", "the same week", "by evening"],
    };

    /// <summary>Fills a template: pools by name, numbers by kind, and "{a|b}" choices, recursively.</summary>
    private static void Fill(System.Text.StringBuilder sb, string template, Random random)
    {
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            int close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            i = close + 1;
            switch (slot)
            {
                case "n": sb.Append(random.Next(1, 60)); break;
                case "small": sb.Append(random.Next(1, 9)); break;
                case "mid": sb.Append(random.Next(5, 40)); break;
                case "big": sb.Append(random.Next(100, 900)); break;
                case "place2": Fill(sb, "{place}", random); break;
                default:
                    var choices = slot.Contains('|') ? slot.Split('|') : s_pools[slot];
                    Fill(sb, choices[random.Next(choices.Length)], random);
                    break;
            }
        }
    }

    /// <summary>Articles made from the templates, one at a time (for corpora too large to hold): about 1.5 KB each,
    /// a dateline-free body of 10 to 16 sentences, publication dates spread over three years. One in twenty-five is
    /// another outlet's copy of an earlier article (a sentence dropped, a new last line), as syndicated reports are.</summary>
    public static IEnumerable<Article> Stream(int count, int seed = 42)
    {
        var random = new Random(seed);
        var start = new DateOnly(2017, 1, 1);
        var sb = new System.Text.StringBuilder();
        var recent = new List<Article>();
        for (int i = 0; i < count; i++)
        {
            sb.Clear();
            Article article;
            if (recent.Count > 10 && random.Next(25) == 0)
            {
                var original = recent[random.Next(recent.Count)];
                var sentences = original.Text.Split(". ");
                int drop = random.Next(sentences.Length);
                sb.AppendJoin(". ", sentences.Where((_, k) => k != drop));
                sb.Append(' ');
                Fill(sb, "Reporting by {src}.", random);
                article = new Article($"g{i}", sb.ToString()) { Title = original.Title, Published = original.Published, Source = "Second Wire" };
            }
            else
            {
                int sentences = 10 + random.Next(7);
                for (int k = 0; k < sentences; k++)
                {
                    if (k > 0)
                    {
                        sb.Append(k % 4 == 0 ? "\n\n" : " ");
                    }

                    Fill(sb, s_templates[random.Next(s_templates.Length)], random);
                }

                var title = new System.Text.StringBuilder();
                Fill(title, "{Strikes on|Shelling of|Raids on|Bombing in} {place} kill {n}", random);
                article = new Article($"g{i}", sb.ToString())
                {
                    Title = title.ToString(),
                    Published = start.AddDays(random.Next(3 * 365)),
                    Source = "Generated Wire",
                };
            }

            if (recent.Count >= 200)
            {
                recent.RemoveAt(0);
            }

            recent.Add(article);
            yield return article;
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

    /// <summary>The first <paramref name="count"/> articles of <see cref="Stream"/>, dated alike.</summary>
    public static IReadOnlyList<Article> Generated(int count) =>
        [.. Stream(count).Select(a => a with { Published = new DateOnly(2019, 8, 29) })];
}
