using System.Text.Json;
using Tally.Corroboration;
using Tally.Formats;

namespace Tally.Tests.Corroboration;

public class IncidentClustererTest
{
    private static readonly PlaceEntry s_kafranbel = new("gn:1", "Kafr Nabl", "village", "Maarrat al-Nu'man", "Idlib", 35.61, 36.56);
    private static readonly PlaceEntry s_saraqib = new("gn:2", "Saraqib", "village", "Idlib", "Idlib", 35.86, 36.80);
    private static readonly PlaceEntry s_idlib = new("SY07", "Idlib", "governorate", null, "Idlib", 35.77, 36.67);

    private static int s_seq;

    /// <summary>A claim of article <paramref name="article"/>: killed, source, outlet and where, on 2019-08-29 unless said otherwise.</summary>
    private static IncidentClaim C(string article, long? killed, string source, PlaceEntry? entry = null, string date = "2019-08-29",
        string outlet = "Outlet A", string? group = null, string[]? perpetrators = null, string attack = "air_strike",
        string? place = null, int ordinal = 0, string published = "2019-08-30", string precision = "day", string? qualifier = "exact") => new()
    {
        ArticleId = article,
        Ordinal = ordinal,
        ArticleSeq = Interlocked.Increment(ref s_seq),
        ReportGroup = group,
        Outlet = outlet,
        Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        DatePrecision = precision,
        Place = place ?? (entry is { IsSpecific: true } ? entry.Name : null),
        Entry = entry,
        Governorate = "Idlib",
        Perpetrators = perpetrators ?? ["russia"],
        Attack = attack,
        Killed = new Figure(killed, killed is null ? null : qualifier),
        Sources = [source],
        Evidence = $"{killed} killed, {source} said.",
    };

    private static IReadOnlyList<Incident> Cluster(params IncidentClaim[] claims) => IncidentClusterer.Cluster(claims, _ => s_idlib);

    private static Incident Holding(IReadOnlyList<Incident> incidents, IncidentClaim claim) =>
        incidents.Single(i => i.Claims.Any(c => c.Ref == claim.Ref));

    [Fact]
    public void Cluster_OneStrikeFromTwoOutletsAndTwoSources_IsOneIncidentWithLowBestHigh()
    {
        var a = C("a", 4, "activists", s_kafranbel, outlet: "Outlet A");
        var b = C("b", 6, "sohr", s_kafranbel, date: "2019-08-28", outlet: "Outlet B", place: "Kafranbel");
        var incident = Assert.Single(Cluster(a, b));
        Assert.Equal((4L, 4L, 6L), (incident.Killed!.Low, incident.Killed.Best, incident.Killed.High));
        Assert.Equal(("a#0", "b#0"), (incident.Killed.LowFrom, incident.Killed.HighFrom));
        Assert.Equal(2, incident.Sources.Count);
        Assert.Equal("Kafr Nabl", incident.Entry!.Name);
        Assert.Equal(new DateOnly(2019, 8, 28), incident.Date); // equally common days: the earliest
        Assert.Equal((new DateOnly(2019, 8, 28), new DateOnly(2019, 8, 29)), (incident.From!.Value, incident.To!.Value));
    }

    [Fact]
    public void Cluster_DatesTooFarApart_OrYearsApart_NeverJoin()
    {
        var a = C("a", 4, "sohr", s_kafranbel, date: "2019-08-29");
        var b = C("b", 4, "sohr", s_kafranbel, date: "2019-08-26");
        var c = C("c", 4, "sohr", s_kafranbel, date: "2017-08-29", published: "2017-08-30");
        var week = C("d", 4, "sohr", s_kafranbel, date: "2019-08-27", precision: "week");
        var incidents = Cluster(a, b, c, week);
        Assert.Equal(3, incidents.Count);
        Assert.NotSame(Holding(incidents, a), Holding(incidents, b));
        Assert.Single(Holding(incidents, c).Claims);
        Assert.Equal(2, Holding(incidents, week).Claims.Count); // "week" reaches both, but joins the first it meets
    }

    [Fact]
    public void Cluster_OtherActorsOrAttacks_StayApart()
    {
        var a = C("a", 4, "sohr", s_saraqib, perpetrators: ["russia"]);
        var b = C("b", 4, "sohr", s_saraqib, perpetrators: ["isis"], attack: "explosion");
        var c = C("c", 4, "sohr", s_saraqib, perpetrators: ["unknown"], attack: "shelling");
        var d = C("d", 4, "sohr", s_saraqib, perpetrators: ["russia"], attack: "explosion");
        var incidents = Cluster(a, b, c, d);
        Assert.Equal(3, incidents.Count);
        Assert.Same(Holding(incidents, a), Holding(incidents, c)); // unknown agrees with anyone; shelling with an air strike
        Assert.NotSame(Holding(incidents, a), Holding(incidents, b));
        Assert.NotSame(Holding(incidents, a), Holding(incidents, d));
    }

    [Fact]
    public void Cluster_TotalAndItsParts_AreRelatedNotMerged()
    {
        var total = C("a", 7, "activists", null, ordinal: 0);
        var first = C("a", 4, "activists", s_kafranbel, ordinal: 1);
        var second = C("a", 3, "activists", s_saraqib, ordinal: 2);
        var copy = C("b", 7, "activists", null, group: "a", outlet: "Outlet B");
        var incidents = Cluster(total, first, second, copy);
        Assert.Equal(3, incidents.Count);
        var whole = Holding(incidents, total);
        Assert.Same(whole, Holding(incidents, copy));
        Assert.Equal(7, whole.Killed!.Best);
        Assert.Single(whole.Sources); // a near-duplicate's activists are the same activists
        Assert.Equal(new[] { Holding(incidents, first).Id, Holding(incidents, second).Id }.Order(StringComparer.Ordinal), whole.Related.Order(StringComparer.Ordinal));
        Assert.Contains(whole.Id, Holding(incidents, first).Related);
        Assert.Equal("Idlib", whole.Entry!.Name); // no place: the governorate's entry
    }

    [Fact]
    public void Cluster_AreaClaimOfAnotherReport_JoinsTheOneVillageIncidentThatFits()
    {
        var village = C("a", 5, "white_helmets", s_kafranbel);
        var area = C("b", 5, "sohr", null, outlet: "Outlet B");
        var incident = Assert.Single(Cluster(village, area));
        Assert.Equal(2, incident.Sources.Count);
        Assert.Equal("Kafr Nabl", incident.Place);

        // Two villages the area claim could mean: it stays apart.
        var other = C("c", 2, "white_helmets", s_saraqib);
        var area2 = C("d", 5, "sohr", null, outlet: "Outlet D");
        var incidents = Cluster(C("e", 5, "white_helmets", s_kafranbel), other, area2);
        Assert.Single(Holding(incidents, area2).Claims);
    }

    [Fact]
    public void Reconcile_NamedSourceQuotedByManyOutlets_IsOneSource_AndItsLaterFigureStands()
    {
        var early = C("a", 5, "sohr", s_saraqib, outlet: "Outlet A", published: "2019-08-29");
        var later = C("b", 9, "sohr", s_saraqib, outlet: "Outlet B", published: "2019-08-30");
        var own = C("c", 6, "outlet", s_saraqib, outlet: "Outlet C", published: "2019-08-30");
        var incident = Assert.Single(Cluster(later, own, early));
        Assert.Equal(2, incident.Sources.Count);
        var sohr = incident.Sources.Single(s => s.Source == "sohr");
        Assert.Equal(["Outlet A", "Outlet B"], sohr.Outlets);
        Assert.Equal("b#0", sohr.Latest.Ref);
        Assert.Equal((6L, 6L, 9L), (incident.Killed!.Low, incident.Killed.Best, incident.Killed.High)); // SOHR's 5 is superseded
    }

    [Theory]
    [InlineData(new long[] { 4, 6 }, 4L)]
    [InlineData(new long[] { 3, 3, 5 }, 3L)]
    [InlineData(new long[] { 2, 8, 8 }, 8L)]
    [InlineData(new long[] { 1, 5, 100 }, 5L)]
    public void Reconcile_Best_IsTheMostCommonFigureElseTheLowerMedian(long[] figures, long best)
    {
        var claims = figures.Select((k, n) => C($"s{n}", k, "outlet", s_saraqib, outlet: $"Outlet {n}")).ToArray();
        var incident = Assert.Single(Cluster(claims));
        Assert.Equal(best, incident.Killed!.Best);
        Assert.Equal((figures.Min(), figures.Max()), (incident.Killed.Low, incident.Killed.High));
    }

    [Fact]
    public void Cluster_IsDeterministic_WhateverTheInputOrder()
    {
        var claims = new List<IncidentClaim>();
        var places = new[] { s_kafranbel, s_saraqib, null };
        for (int n = 0; n < 60; n++)
        {
            claims.Add(C($"x{n:00}", 1 + (n % 7), n % 3 == 0 ? "sohr" : "activists", places[n % 3],
                date: new DateOnly(2019, 8, 1).AddDays(n % 9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), outlet: $"O{n % 4}"));
        }

        static string Shape(IReadOnlyList<Incident> incidents) =>
            string.Join('\n', incidents.Select(i => i.Id + ":" + string.Join(',', i.Claims.Select(c => c.Ref)) + ":" + i.Killed?.Best + ":" + string.Join(',', i.Related)));
        string expected = Shape(Cluster([.. claims]));
        var random = new Random(7);
        for (int round = 0; round < 5; round++)
        {
            Assert.Equal(expected, Shape(Cluster([.. claims.OrderBy(_ => random.Next())])));
        }
    }

    [Fact]
    public void Summary_SaysWhatTheRecordHolds()
    {
        var a = C("a", 3, "activists", s_saraqib, place: "Saraqeb");
        var incident = Assert.Single(Cluster(a));
        Assert.Equal("On 29 August 2019 an air strike attributed to Russia killed 3 people in Saraqeb (Idlib), according to local activists; 1 source.", incident.Summary);

        var range = Assert.Single(Cluster(C("b", 4, "activists", s_saraqib, qualifier: "at_least"), C("c", 6, "sohr", s_saraqib, outlet: "Outlet C")));
        Assert.Equal("On 29 August 2019 an air strike attributed to Russia killed 4 to 6 people (best estimate 4) in Saraqib (Idlib), according to local activists and the Syrian Observatory for Human Rights; 2 sources.", range.Summary);
    }

    [Fact]
    public void Writers_CsvHasOneRowPerIncident_GeoJsonHasLonLatPoints()
    {
        var incidents = Cluster(C("a", 3, "activists", s_saraqib), C("b", 2, "sohr", null, date: "2018-01-02", published: "2018-01-03"));
        var csv = new StringWriter();
        IncidentWriter.WriteCsv(csv, incidents);
        var lines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("event_id,event_date,date_from,date_to,time_precision,country,admin1,admin2,location,latitude,longitude", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Syria,Idlib,Idlib,Saraqib,35.86,36.8,1,russia,air_strike,3,3,3,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("\"On 29 August 2019 an air strike attributed to Russia killed 3 people in Saraqib (Idlib), according to local activists; 1 source.\"", lines[2], StringComparison.Ordinal);

        using var stream = new MemoryStream();
        IncidentWriter.WriteGeoJson(stream, incidents);
        var root = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var point = features[1].GetProperty("geometry");
        Assert.Equal("Point", point.GetProperty("type").GetString());
        Assert.Equal([36.8, 35.86], point.GetProperty("coordinates").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal(3, features[0].GetProperty("properties").GetProperty("geo_precision").GetInt32()); // the governorate's centroid
    }
}
