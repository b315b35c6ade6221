using System.Globalization;

namespace Tally.Geography;

/// <summary>A line of a user's gazetteer file that could not be used, and why.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record GazetteerProblem(string File, int Line, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

// A user's own places: a GeoNames country dump, or a plain file of aliases and places.
public sealed partial class Gazetteer
{
    private const int GeoNamesColumns = 19;

    /// <summary>
    /// A copy of this gazetteer with the places and names of <paramref name="paths"/> added. Each file is either a
    /// GeoNames country dump (the <c>XX.txt</c> layout of download.geonames.org: 19 tab-separated columns) or a plain
    /// file of lines <c>name TAB kind TAB ...</c> (see <c>docs/gazetteer.md</c>). Lines that cannot be used are
    /// returned in <paramref name="problems"/>; the rest are added.
    /// </summary>
    public Gazetteer With(IEnumerable<string> paths, out IReadOnlyList<GazetteerProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var copy = Copy();
        var found = new List<GazetteerProblem>();
        foreach (var path in paths)
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            copy.Import(reader, path, found);
        }

        problems = found;
        return copy;
    }

    /// <summary>Adds the places and names of one user file (see <see cref="With"/>).</summary>
    public void Import(TextReader reader, string file, List<GazetteerProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(problems);
        var geoNames = new List<(int Line, string[] Cells)>();
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length == GeoNamesColumns && long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                geoNames.Add((number, cells));
            }
            else if (UserLine(cells) is { } reason)
            {
                problems.Add(new GazetteerProblem(file, number, reason));
            }
        }

        if (geoNames.Count > 0)
        {
            ImportGeoNames(geoNames, file, problems);
        }
    }

    private Gazetteer Copy()
    {
        var copy = new Gazetteer();
        copy._places.AddRange(_places);
        foreach (var (key, ids) in _byKey)
        {
            copy._byKey[key] = [.. ids];
        }

        foreach (var (name, index) in _governorateIndex)
        {
            copy._governorateIndex[name] = index;
        }

        foreach (var (code, name) in _districtNames)
        {
            copy._districtNames[code] = name;
        }

        return copy;
    }

    /// <summary>One line of a plain file: <c>name TAB kind TAB ...</c>. Returns why it cannot be used, or <c>null</c>.</summary>
    private string? UserLine(string[] cells)
    {
        if (cells.Length < 2 || cells[0].Trim().Length == 0)
        {
            return "expected at least two tab-separated columns: name, kind";
        }

        string name = cells[0].Trim();
        string kind = cells[1].Trim().ToLowerInvariant();
        string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
        switch (kind)
        {
            case "alias":
                // Another spelling of an entry: its id (gn:..., an OCHA P-code...) or a name that resolves to one entry.
                var target = _places.FindIndex(p => p.Id == Cell(2));
                if (target < 0)
                {
                    var named = Lookup(Cell(2));
                    if (named.Count != 1)
                    {
                        return Cell(2).Length == 0 ? "alias: the third column names the entry (an id or a name)"
                            : $"alias: '{Cell(2)}' is {(named.Count == 0 ? "no known entry" : $"{named.Count} entries; give an id")}";
                    }

                    target = _places.IndexOf(named[0]);
                }

                AddNames(target, [name]);
                return null;

            case "governorate":
                if (!_governorateIndex.TryGetValue(Cell(2), out int unit))
                {
                    return $"governorate: '{Cell(2)}' is not one of {string.Join(", ", _governorateIndex.Keys.Order(StringComparer.Ordinal))}";
                }

                AddNames(unit, [name]);
                return null;

            case "place" or "area" or "foreign":
                string? governorate = Cell(2).Length > 0 ? Cell(2) : null;
                if (governorate is not null && !_governorateIndex.ContainsKey(governorate))
                {
                    return $"{kind}: '{governorate}' is not a governorate";
                }

                if (kind == "place" && governorate is null)
                {
                    return "place: the third column is its governorate";
                }

                double lat = Number(Cell(3)), lon = Number(Cell(4));
                if ((Cell(3).Length > 0 || Cell(4).Length > 0) && (double.IsNaN(lat) || double.IsNaN(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180))
                {
                    return $"{kind}: '{Cell(3)}', '{Cell(4)}' is not a latitude and longitude";
                }

                if (double.IsNaN(lat) && governorate is not null)
                {
                    (lat, lon) = (_places[_governorateIndex[governorate]].Latitude, _places[_governorateIndex[governorate]].Longitude);
                }

                var placeKind = kind switch { "place" => PlaceKind.Locality, "area" => PlaceKind.Area, _ => PlaceKind.Foreign };
                Add(new Place("user:" + name, name, placeKind, governorate, null, lat, lon, 0, "") { Country = placeKind == PlaceKind.Foreign ? null : "SY" }, [name]);
                return null;

            default:
                return $"unknown kind '{cells[1]}' (alias, governorate, place, area or foreign)";
        }
    }

    /// <summary>
    /// Rows of a GeoNames dump: populated places (class P), first- and second-level divisions (ADM1, ADM2) and regions
    /// (L: RGN, AREA). A row whose GeoNames id the gazetteer has adds its alternate names; a new Syrian row gets the
    /// governorate that the dump's other rows with the same admin1 code have here; a row of another country is a
    /// place of that country (no governorate).
    /// </summary>
    private void ImportGeoNames(List<(int Line, string[] Cells)> rows, string file, List<GazetteerProblem> problems)
    {
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _places.Count; i++)
        {
            byId.TryAdd(_places[i].Id, i);
        }

        // admin1 code -> governorate, by the majority of the rows we already know.
        var votes = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (_, c) in rows)
        {
            if (c[8] == "SY" && byId.TryGetValue("gn:" + c[0], out int known) && _places[known].Governorate is { } g)
            {
                var v = votes.TryGetValue(c[10], out var d) ? d : votes[c[10]] = new Dictionary<string, int>(StringComparer.Ordinal);
                v[g] = v.GetValueOrDefault(g) + 1;
            }
        }

        var admin1 = votes.ToDictionary(x => x.Key, x => x.Value.MaxBy(y => y.Value).Key, StringComparer.Ordinal);
        foreach (var (line, c) in rows)
        {
            string featureClass = c[6], code = c[7];
            bool wanted = featureClass == "P" || (featureClass == "A" && code is "ADM1" or "ADM2") || (featureClass == "L" && code is "RGN" or "AREA");
            if (!wanted)
            {
                continue;
            }

            double lat = Number(c[4]), lon = Number(c[5]);
            if (double.IsNaN(lat) || double.IsNaN(lon))
            {
                problems.Add(new GazetteerProblem(file, line, $"'{c[4]}', '{c[5]}' is not a latitude and longitude"));
                continue;
            }

            var names = new List<string> { c[1], c[2] };
            names.AddRange(c[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (byId.TryGetValue("gn:" + c[0], out int existing))
            {
                AddNames(existing, names);
                continue;
            }

            string? governorate = null;
            if (c[8] == "SY")
            {
                if (!admin1.TryGetValue(c[10], out governorate))
                {
                    governorate = Nearest(lat, lon)?.Governorate;
                }
            }

            var kind = featureClass switch
            {
                "P" => PlaceKind.Locality,
                _ when c[8] == "SY" && code == "ADM1" && governorate is not null => PlaceKind.Governorate,
                _ => PlaceKind.Area,
            };
            if (kind == PlaceKind.Governorate)
            {
                AddNames(_governorateIndex[governorate!], names);
                continue;
            }

            long population = long.TryParse(c[14], NumberStyles.None, CultureInfo.InvariantCulture, out long p) ? p : 0;
            int index = Add(new Place("gn:" + c[0], c[1], kind, governorate, null, lat, lon, population, featureClass == "P" ? code : "")
            {
                Country = c[8],
            }, names);
            byId["gn:" + c[0]] = index;
        }
    }

    /// <summary>The Syrian locality nearest to a point (a linear scan; imports only).</summary>
    private Place? Nearest(double lat, double lon)
    {
        Place? best = null;
        double bestDistance = double.MaxValue;
        foreach (var p in _places)
        {
            if (p.Kind != PlaceKind.Locality || p.Governorate is null || double.IsNaN(p.Latitude))
            {
                continue;
            }

            double dLat = p.Latitude - lat, dLon = (p.Longitude - lon) * Math.Cos(lat * Math.PI / 180);
            double d = (dLat * dLat) + (dLon * dLon);
            if (d < bestDistance)
            {
                (best, bestDistance) = (p, d);
            }
        }

        return best;
    }
}
