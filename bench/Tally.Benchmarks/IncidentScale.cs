using System.Diagnostics;
using System.Globalization;
using Tally.Corroboration;

namespace Tally.Benchmarks;

/// <summary>
/// Clusters synthetic claims at scale on one thread: <c>dotnet run -c Release --project bench/Tally.Benchmarks -- incidents 1000000</c>.
/// </summary>
/// <remarks>The claims are generated from a fixed seed: 10,000 villages in 14 governorates, eight years of days, one in
/// five claims naming only its governorate, several outlets and sources per event, so blocks and sweeps see what a
/// large record holds.</remarks>
public static class IncidentScale
{
    private static readonly string[] s_governorates =
        ["Aleppo", "Damascus", "Rif Dimashq", "Daraa", "Deir ez-Zor", "Hama", "Hasakah", "Homs", "Idlib", "Latakia", "Quneitra", "Raqqa", "As-Suwayda", "Tartus"];

    private static readonly string[] s_sources = ["sohr", "white_helmets", "activists", "outlet", "state_media"];
    private static readonly string[] s_perpetrators = ["syrian_government", "russia", "isis", "unknown", "turkey"];
    private static readonly string[] s_attacks = ["air_strike", "shelling", "explosion", "clash"];

    public static List<IncidentClaim> Generate(int count, int seed = 2019)
    {
        var random = new Random(seed);
        var start = new DateOnly(2012, 1, 1);
        var claims = new List<IncidentClaim>(count);
        var entries = Enumerable.Range(0, 10_000).Select(v =>
        {
            string g = s_governorates[v % s_governorates.Length];
            return new PlaceEntry("gn:" + v.ToString(CultureInfo.InvariantCulture), "Village " + v.ToString(CultureInfo.InvariantCulture), "village", g + " district", g, 35 + v % 100 * 0.01, 36 + v / 100 * 0.01);
        }).ToArray();
        int article = 0;
        while (claims.Count < count)
        {
            // One event, reported by one to four outlets.
            var entry = entries[random.Next(entries.Length)];
            var day = start.AddDays(random.Next(8 * 365));
            long killed = 1 + random.Next(30);
            string perpetrator = s_perpetrators[random.Next(s_perpetrators.Length)];
            string attack = s_attacks[random.Next(s_attacks.Length)];
            int reports = 1 + random.Next(4);
            for (int r = 0; r < reports && claims.Count < count; r++, article++)
            {
                bool areaOnly = random.Next(5) == 0;
                claims.Add(new IncidentClaim
                {
                    ArticleId = "a" + article.ToString(CultureInfo.InvariantCulture),
                    ArticleSeq = article,
                    Outlet = "Outlet " + random.Next(20).ToString(CultureInfo.InvariantCulture),
                    Published = day.AddDays(random.Next(3)),
                    Date = day.AddDays(random.Next(2)),
                    DatePrecision = "day",
                    Place = areaOnly ? null : entry.Name,
                    Entry = areaOnly ? null : entry,
                    Governorate = entry.Governorate,
                    Perpetrators = [perpetrator],
                    Attack = attack,
                    Killed = new Figure(killed + random.Next(3), "exact"),
                    Sources = [s_sources[random.Next(s_sources.Length)]],
                });
            }
        }

        return claims;
    }

    public static void Run(int count)
    {
        var claims = Generate(count);
        GC.Collect();
        var clock = Stopwatch.StartNew();
        var incidents = IncidentClusterer.Cluster(claims);
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"claims\": {count}, \"incidents\": {incidents.Count}, \"seconds\": {clock.Elapsed.TotalSeconds:0.00}, \"claims_per_second\": {count / clock.Elapsed.TotalSeconds:0}, \"peak_working_set_mb\": {Environment.WorkingSet / 1e6:0}}}"));
    }
}
