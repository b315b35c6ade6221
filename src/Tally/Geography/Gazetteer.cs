using System.Globalization;
using System.Reflection;

namespace Tally.Geography;

/// <summary>
/// The places Tally knows, looked up by <see cref="NameKey"/>: Syria's populated places, districts and
/// governorates from the shipped data (<c>Data/geo</c>), areas and places abroad from <c>aliases.tsv</c>.
/// </summary>
/// <remarks>
/// <see cref="Default"/> loads once, lazily, and is then immutable and safe to share between threads.
/// </remarks>
public sealed partial class Gazetteer
{
    private static readonly Lazy<Gazetteer> s_default = new(LoadDefault);

    private readonly List<Place> _places = [];
    private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _governorateIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _districtNames = new(StringComparer.Ordinal);

    /// <summary>What <see cref="Match"/> gave for each spelling asked so far: the same names come up in article after
    /// article, and most candidate windows match nothing. Bounded; emptied when an entry is added.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Place>> _matches = new(StringComparer.Ordinal);

    private const int MaxCachedMatches = 200_000;

    private int _cachedMatches;

    /// <summary>The built-in gazetteer.</summary>
    public static Gazetteer Default => s_default.Value;

    /// <summary>The number of entries.</summary>
    public int Count => _places.Count;

    /// <summary>The fourteen governorates, by their spec names.</summary>
    public IReadOnlyDictionary<string, Place> Governorates => _governorateIndex.ToDictionary(x => x.Key, x => _places[x.Value]);

    /// <summary>Every entry whose name (or an alternate name) has the key of <paramref name="name"/>.</summary>
    public IReadOnlyList<Place> Lookup(ReadOnlySpan<char> name)
    {
        var key = NameKey.Of(name);
        return key.Length > 0 && _byKey.TryGetValue(key, out var ids) ? ids.Select(i => _places[i]).ToList() : [];
    }

    /// <summary>
    /// The entries of <see cref="Lookup"/> that one of whose spellings is also close to <paramref name="name"/> (see
    /// <see cref="NameKey.IsClose"/>): keys agree by chance more often the shorter they are ("Deir" and "Daraa").
    /// Places abroad are kept as the key finds them.
    /// </summary>
    public IReadOnlyList<Place> Match(ReadOnlySpan<char> name)
    {
        var cache = _matches.GetAlternateLookup<ReadOnlySpan<char>>();
        if (cache.TryGetValue(name, out var known))
        {
            return known;
        }

        var matched = MatchUncached(name);
        if (Volatile.Read(ref _cachedMatches) < MaxCachedMatches && cache.TryAdd(name, matched))
        {
            Interlocked.Increment(ref _cachedMatches);
        }

        return matched;
    }

    private IReadOnlyList<Place> MatchUncached(ReadOnlySpan<char> name)
    {
        var found = Lookup(name);
        if (found.Count == 0)
        {
            return found;
        }

        var close = new List<Place>(found.Count);
        foreach (var p in found)
        {
            if (p.Kind == PlaceKind.Foreign || NameKey.IsClose(name, p.Names))
            {
                close.Add(p);
            }
        }

        return close;
    }

    /// <summary>Loads the built-in gazetteer afresh (what <see cref="Default"/> does once; benchmarks time it).</summary>
    internal static Gazetteer LoadDefault()
    {
        var g = new Gazetteer();
        using (var admin = Open("admin"))
        {
            g.LoadAdmin(admin);
        }

        using (var places = Open("places"))
        {
            g.LoadPlaces(places);
        }

        using (var aliases = Open("aliases"))
        {
            g.LoadAliases(aliases);
        }

        return g;
    }

    private static StreamReader Open(string name) =>
        new(Assembly.GetExecutingAssembly().GetManifestResourceStream($"Tally.Data.geo.{name}.tsv")
            ?? throw new InvalidOperationException($"The gazetteer file {name}.tsv is missing from the library."));

    /// <summary>Adds an entry and indexes its names; returns its index.</summary>
    private int Add(Place place, IEnumerable<string> names)
    {
        var all = names.Where(n => n.Length > 0).ToArray();
        int index = _places.Count;
        _places.Add(place with { Names = [place.Name, .. all.Where(n => n != place.Name)] });
        Index(index, all);
        return index;
    }

    /// <summary>Adds more names to entry <paramref name="index"/>.</summary>
    private void AddNames(int index, IEnumerable<string> names)
    {
        var all = names.Where(n => n.Length > 0).ToArray();
        var place = _places[index];
        _places[index] = place with { Names = [.. place.Names, .. all.Where(n => !place.Names.Contains(n))] };
        Index(index, all);
    }

    private void Index(int index, IEnumerable<string> names)
    {
        // (Only when something was remembered: emptying a concurrent dictionary takes all its locks and new tables.)
        if (_cachedMatches > 0 || !_matches.IsEmpty)
        {
            _matches.Clear();
            _cachedMatches = 0;
        }

        foreach (var name in names)
        {
            var key = NameKey.Of(name);
            if (key.Length == 0)
            {
                continue;
            }

            if (!_byKey.TryGetValue(key, out var list))
            {
                list = [];
                _byKey[key] = list;
            }

            if (!list.Contains(index))
            {
                list.Add(index);
            }
        }
    }

    private void LoadAdmin(TextReader reader)
    {
        foreach (var cells in Rows(reader))
        {
            bool governorate = cells[0] == "1";
            var place = new Place(cells[1], cells[3], governorate ? PlaceKind.Governorate : PlaceKind.District, cells[2],
                governorate ? null : cells[3], Number(cells[4]), Number(cells[5]), 0, "");
            int index = Add(place, cells[6].Split('|').Append(cells[3]));
            if (governorate)
            {
                _governorateIndex[cells[2]] = index;
            }
            else
            {
                _districtNames[cells[1]] = cells[3];
            }
        }
    }

    private void LoadPlaces(TextReader reader)
    {
        foreach (var cells in Rows(reader))
        {
            _districtNames.TryGetValue(cells[5], out var district);
            var place = new Place(cells[0], cells[1], PlaceKind.Locality, cells[4], district, Number(cells[2]), Number(cells[3]),
                long.TryParse(cells[7], CultureInfo.InvariantCulture, out long pop) ? pop : 0, cells[6]);
            Add(place, cells[8].Split('|'));
        }
    }

    private void LoadAliases(TextReader reader)
    {
        foreach (var cells in Rows(reader))
        {
            var kind = cells[1] switch
            {
                "governorate" => PlaceKind.Governorate,
                "area" => PlaceKind.Area,
                _ => PlaceKind.Foreign,
            };
            if (kind == PlaceKind.Governorate)
            {
                AddNames(_governorateIndex[cells[2]], [cells[0]]);
                continue;
            }

            string? governorate = cells.Length > 2 && cells[2].Length > 0 ? cells[2] : null;
            var center = governorate is not null ? _places[_governorateIndex[governorate]] : null;
            Add(new Place("alias:" + cells[0], cells[0], kind, governorate, null, center?.Latitude ?? double.NaN,
                center?.Longitude ?? double.NaN, 0, "") { Country = kind == PlaceKind.Foreign ? null : "SY" }, [cells[0]]);
        }
    }

    private static IEnumerable<string[]> Rows(TextReader reader)
    {
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split('\t');
            }
        }
    }

    private static double Number(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : double.NaN;
}
