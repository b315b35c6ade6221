using Tally.Extraction;
using Tally.Geography;
using Tally.Tests.Cli;

namespace Tally.Tests.Geography;

public class GazetteerImportTest
{
    // Rows in the GeoNames dump layout (19 tab-separated columns). Ids above 99,000,000 and the names are invented for
    // the test; 167558 is a real id the built-in gazetteer holds (Madaya, Rif Dimashq), used to learn what admin1 code
    // "10" means in this dump.
    private static string Row(long id, string name, string alternates, double lat, double lon, string featureClass, string code, string country, string admin1, long population = 0) =>
        string.Join('\t', id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, name, alternates,
            lat.ToString(System.Globalization.CultureInfo.InvariantCulture), lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            featureClass, code, country, "", admin1, "", "", "", population.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "0", "Asia/Damascus", "2024-01-01");

    private static readonly string s_dump = string.Join('\n',
        Row(167558, "Madaya", "Madhaya Testspelling", 33.69, 36.10, "P", "PPL", "SY", "10"),
        Row(99000001, "Qaryat Zaytunat", "Karyet Zeitouna", 33.60, 36.20, "P", "PPL", "SY", "10"),
        Row(99000002, "Tall Burtuqal", "", 35.90, 36.60, "P", "PPL", "SY", "99"),
        Row(99000003, "Wadi Saghir", "", 35.00, 36.00, "H", "WAD", "SY", "10"),
        Row(99000004, "Kfar Tamrin", "Kafr Tamreen", 33.80, 35.70, "P", "PPL", "LB", "04", 1200),
        "99000005\tBroken\tBroken\t\tnorth\teast\tP\tPPL\tSY\t\t10\t\t\t\t0\t\t0\tAsia/Damascus\t2024-01-01");

    private static (Gazetteer Gazetteer, IReadOnlyList<GazetteerProblem> Problems) Import(string text, string name = "user.txt")
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-gazetteer-{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, text);
        try
        {
            var g = Gazetteer.Default.With([path], out var problems);
            return (g, problems);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GeoNamesDump_AddsNamesPlacesAndGovernorates()
    {
        var (g, problems) = Import(s_dump);

        // A known id gains the dump's alternate names.
        Assert.Contains(g.Match("Madhaya Testspelling"), p => p.Id == "gn:167558");

        // A new Syrian place takes the governorate its admin1 code has among the rows we know.
        var zaytuna = Assert.Single(g.Match("Karyet Zeitouna"));
        Assert.Equal(("gn:99000001", "Rif Dimashq", PlaceKind.Locality), (zaytuna.Id, zaytuna.Governorate, zaytuna.Kind));

        // An unknown admin1 code: the governorate of the nearest known place (35.9 N 36.6 E is in Idlib).
        Assert.Equal("Idlib", Assert.Single(g.Match("Tall Burtuqal")).Governorate);

        // Streams and other features are not places; another country's towns are, without a governorate.
        Assert.Empty(g.Match("Wadi Saghir"));
        var abroad = Assert.Single(g.Match("Kafr Tamreen"));
        Assert.Equal(("LB", (string?)null, 1200L), (abroad.Country, abroad.Governorate, abroad.Population));

        // The bad row is reported with its line; the built-in gazetteer is untouched.
        var problem = Assert.Single(problems);
        Assert.Equal(6, problem.Line);
        Assert.Contains("latitude", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(Gazetteer.Default.Match("Karyet Zeitouna"));
    }

    [Fact]
    public void AliasFile_AddsSpellingsAndPlaces_AndReportsBadLines()
    {
        var (g, problems) = Import(string.Join('\n',
            "# my spellings",
            "Medayya Old Town\talias\tgn:167558",
            "Kafranbelle\talias\tKafr Nubl",
            "Hasakka City\tgovernorate\tHasakah",
            "Khirbet Testiyeh\tplace\tHama\t35.2\t36.7",
            "Testland Plain\tarea\tRaqqa",
            "Nowhere\tvillage\tHama",
            "Tah\talias\tTah",
            "Somewhere\tplace\tAtlantis"));

        Assert.Contains(g.Match("Medayya Old Town"), p => p.Id == "gn:167558");
        Assert.Contains(g.Match("Kafranbelle"), p => p.Governorate == "Idlib");
        Assert.Contains(g.Match("Hasakka City"), p => p.Kind == PlaceKind.Governorate && p.Governorate == "Hasakah");
        var village = Assert.Single(g.Match("Khirbet Testiyeh"), p => p.Id.StartsWith("user:", StringComparison.Ordinal));
        Assert.Equal(("user:Khirbet Testiyeh", "Hama", 35.2), (village.Id, village.Governorate, village.Latitude));
        Assert.Equal(PlaceKind.Area, Assert.Single(g.Match("Testland Plain")).Kind);

        Assert.Equal([7, 8, 9], problems.Select(p => p.Line));
        Assert.Contains("unknown kind", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("entries; give an id", problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("not a governorate", problems[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportedPlace_ResolvesInClaims()
    {
        var (g, _) = Import("Khirbet Testiyeh\tplace\tHama\t35.2\t36.7\n");
        var extractor = new Extractor(new PipelineBuilder().UseDefaultRecognizers(g).Build());
        var article = new Article("t", "Two civilians were killed in shelling on Khirbet Testiyeh on Monday, activists said.") { Published = new DateOnly(2019, 8, 29) };
        var claim = Assert.Single(extractor.Extract(article).Claims);
        Assert.Equal("Hama", claim.Governorate?.Value);
        Assert.Equal("Khirbet Testiyeh", claim.Place?.Value);
    }

    [Fact]
    public void Cli_PlacesOption_UsesTheUserFile_AndReportsAMissingOne()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-places-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "Khirbet Testiyeh\tplace\tHama\t35.2\t36.7\nBad line\n");
        try
        {
            var result = CliRunner.Run(null, "place", "Khirbet Testiyeh", "--places", path);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("chosen: Khirbet Testiyeh, Hama", result.Stdout);
            Assert.Contains(":2: expected at least two", result.Stderr);

            var missing = CliRunner.Run(null, "place", "Hama", "--places", path + ".missing");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("--places", missing.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
