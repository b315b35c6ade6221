using System.Globalization;
using System.Text;
using Tally.Geography;

// Builds Tally's compact gazetteer from shared/data/geo:
//   dotnet run --project tools/Tally.GazetteerBuilder -- ../shared/data/geo src/Tally/Data/geo
// Writes places.tsv (populated places), admin.tsv (governorates and districts) and boundaries.json (their simplified outlines). See src/Tally/Data/geo/SOURCES.md.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Tally.GazetteerBuilder SHARED_GEO_FOLDER OUTPUT_FOLDER");
    return 2;
}

var (input, output) = (args[0], args[1]);
Directory.CreateDirectory(output);

var governorates = new Dictionary<string, string>
{
    ["SY01"] = "Damascus", ["SY02"] = "Aleppo", ["SY03"] = "Rif Dimashq", ["SY04"] = "Homs", ["SY05"] = "Hama",
    ["SY06"] = "Latakia", ["SY07"] = "Idlib", ["SY08"] = "Hasakah", ["SY09"] = "Deir ez-Zor", ["SY10"] = "Tartus",
    ["SY11"] = "Raqqa", ["SY12"] = "Daraa", ["SY13"] = "As-Suwayda", ["SY14"] = "Quneitra",
};

static List<Dictionary<string, string>> ReadTsv(string path)
{
    var lines = File.ReadAllLines(path, Encoding.UTF8);
    var header = lines[0].Split('\t');
    return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
    {
        var cells = l.Split('\t');
        return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(p => p.h, p => p.v);
    }).ToList();
}

static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Trim();

// Names with distinct keys only: the first spelling of each key is kept, Latin before Arabic.
static string Names(IEnumerable<string> names)
{
    var seen = new HashSet<string>();
    var kept = new List<string>();
    foreach (var name in names.Select(Clean).Where(n => n.Length > 0))
    {
        if (seen.Add(NameKey.Of(name)))
        {
            kept.Add(name.Replace('|', ' '));
        }
    }

    return string.Join('|', kept);
}

int written = 0;
using (var places = new StreamWriter(Path.Combine(output, "places.tsv"), false, new UTF8Encoding(false)) { NewLine = "\n" })
{
    places.WriteLine("# Populated places of Syria, derived from shared/data/geo/syr_places_wof.tsv by tools/Tally.GazetteerBuilder.");
    places.WriteLine("# Data from Who's On First (https://whosonfirst.org/docs/licenses/), including GeoNames data (https://www.geonames.org/, CC BY 4.0)");
    places.WriteLine("# and quattroshapes (CC BY); districts from UN OCHA COD-AB (CC BY 3.0 IGO). See SOURCES.md beside this file.");
    places.WriteLine("# id\tname\tlat\tlon\tgovernorate\tdistrict_pcode\tfeature\tpopulation\tnames");
    foreach (var row in ReadTsv(Path.Combine(input, "syr_places_wof.tsv")))
    {
        if (row["wof_deprecated"] == "1" || !governorates.TryGetValue(row["adm1_pcode"], out var governorate))
        {
            continue;
        }

        string id = row["geonameid"].Length > 0 ? "gn:" + row["geonameid"] : "wof:" + row["wof_id"];
        var names = new[] { row["name"] }.Concat(row["alt_names_latin"].Split('|')).Concat(row["alt_names_ar"].Split('|')).Append(row["name_ar"]);
        double lat = double.Parse(row["lat"], CultureInfo.InvariantCulture), lon = double.Parse(row["lon"], CultureInfo.InvariantCulture);
        places.WriteLine(string.Join('\t', id, Clean(row["name"]), lat.ToString("0.#####", CultureInfo.InvariantCulture),
            lon.ToString("0.#####", CultureInfo.InvariantCulture), governorate, row["adm2_pcode"], row["gn_feature_code"],
            string.IsNullOrEmpty(row["gn_population"]) ? "0" : row["gn_population"], Names(names)));
        written++;
    }
}

using (var admin = new StreamWriter(Path.Combine(output, "admin.tsv"), false, new UTF8Encoding(false)) { NewLine = "\n" })
{
    admin.WriteLine("# Governorates (level 1) and districts (level 2) of Syria, derived from shared/data/geo/syr_admin_units.tsv");
    admin.WriteLine("# (OpenSyria Data Geography, CC BY 4.0, over UN OCHA COD-AB CC BY 3.0 IGO) by tools/Tally.GazetteerBuilder.");
    admin.WriteLine("# level\tpcode\tgovernorate\tname\tlat\tlon\tnames");
    foreach (var row in ReadTsv(Path.Combine(input, "syr_admin_units.tsv")).Where(r => r["level"] is "1" or "2"))
    {
        var governorate = governorates[row["adm1_pcode"]];
        var names = new[] { row["name_en"] }.Concat(row["aliases_en"].Split('|')).Append(row["name_ar"]).Concat(row["aliases_ar"].Split('|'))
            .Where(n => !n.Contains("Governorate", StringComparison.OrdinalIgnoreCase) && !n.Contains("District", StringComparison.OrdinalIgnoreCase)
                && !n.StartsWith("محافظة", StringComparison.Ordinal) && !n.StartsWith("منطقة", StringComparison.Ordinal));
        admin.WriteLine(string.Join('\t', row["level"], row["pcode"], governorate, row["level"] == "1" ? governorate : Clean(row["name_en"]),
            row["lat"], row["lon"], Names(names)));
    }
}

int outline = Tally.GazetteerBuilder.Boundaries.Write(input, output);
Console.WriteLine($"wrote {written} places, the admin units and the boundaries ({outline} points) to {output}");
return 0;
