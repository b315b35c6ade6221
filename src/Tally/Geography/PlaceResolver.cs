namespace Tally.Geography;

/// <summary>What the text around a name says about where it is.</summary>
/// <param name="GovernorateWeights">How strongly the context names each governorate (a governorate or district name counts 2, a town 1).</param>
/// <param name="NearbyGovernorates">Governorates named close to the name (the same sentence, or just before).</param>
/// <param name="Hint">A governorate the dataset gives as the article's location, if any.</param>
public sealed record PlaceEvidence(IReadOnlyDictionary<string, double> GovernorateWeights, IReadOnlySet<string> NearbyGovernorates, string? Hint)
{
    /// <summary>No evidence at all.</summary>
    public static PlaceEvidence None { get; } = new(new Dictionary<string, double>(), new HashSet<string>(), null);
}

/// <summary>The entry chosen for a name, how sure the choice is, and why.</summary>
/// <param name="Place">The chosen entry, or <c>null</c> when the evidence did not allow a choice.</param>
/// <param name="Confidence">From 0 (no choice) to 1 (the only entry with this name).</param>
/// <param name="Reason">Why, in words a user can check.</param>
public sealed record PlaceChoice(Place? Place, double Confidence, string Reason)
{
    /// <summary>Whether the choice came from the name alone (no entry, a place abroad, an admin unit's name): evidence would not change it.</summary>
    internal bool ContextFree { get; init; }
}

/// <summary>
/// Chooses among the gazetteer entries that share a name, by a fixed order of evidence.
/// </summary>
/// <remarks>
/// In order: a place abroad; a governorate's, district's or area's name (never a namesake village); a single
/// governorate among the entries (with low confidence when the context points only elsewhere); a governorate named
/// nearby; the governorate the context names most; the dataset's location hint; a clearly more prominent entry.
/// Otherwise it abstains. Used by the <see cref="Recognizers.PlaceRecognizer"/> and by <c>tally place</c>.
/// </remarks>
public static class PlaceResolver
{
    /// <summary>Chooses among <paramref name="candidates"/>, the entries for the name <paramref name="written"/>, with <paramref name="evidence"/>.</summary>
    public static PlaceChoice Choose(string written, IReadOnlyList<Place> candidates, PlaceEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(evidence);
        if (!ReferenceEquals(evidence, PlaceEvidence.None))
        {
            return ChooseCore(written, candidates, evidence);
        }

        // Without evidence the choice depends on the name and its entries alone: remembered per spelling.
        if (s_alone.TryGetValue(written, out var known) && ReferenceEquals(known.Candidates, candidates))
        {
            return known.Choice;
        }

        var choice = ChooseCore(written, candidates, evidence);
        if (Volatile.Read(ref s_cachedAlone) < 100_000)
        {
            s_alone[written] = (candidates, choice);
            Interlocked.Increment(ref s_cachedAlone);
        }

        return choice;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlyList<Place> Candidates, PlaceChoice Choice)> s_alone = new(StringComparer.Ordinal);
    private static int s_cachedAlone;

    private static PlaceChoice ChooseCore(string written, IReadOnlyList<Place> candidates, PlaceEvidence evidence)
    {
        if (candidates.Count == 0)
        {
            return new PlaceChoice(null, 0, "named as a place, but no gazetteer entry has this spelling") { ContextFree = true };
        }

        // A place abroad, unless a Syrian entry is spelled like the name and the place abroad is not: "Al-Shaara"
        // shares Syria's key, but is spelled as Al `Asharah.
        if (candidates.FirstOrDefault(c => c.Kind == PlaceKind.Foreign) is { } abroad)
        {
            int tolerance = NameKey.Loose(written).Length / 4;
            int home = candidates.Where(c => c.Kind != PlaceKind.Foreign).Select(c => NameKey.LooseDistance(written, c.Names)).DefaultIfEmpty(int.MaxValue).Min();
            if (home > tolerance || NameKey.LooseDistance(written, abroad.Names) <= home)
            {
                return new PlaceChoice(abroad, 0.9, "a place outside Syria") { ContextFree = true };
            }

            candidates = candidates.Where(c => c.Kind != PlaceKind.Foreign && NameKey.LooseDistance(written, c.Names) <= tolerance).ToList();
        }

        // A governorate's or a district's name means that unit (or its seat), not a namesake village; among units, the
        // closest spelling ("Darayya" is the district, "Daraa" the governorate, though their keys agree).
        // A unit whose spellings all look far from what is written ("Sifat" for Safita) is a chance match of keys:
        // the other rules decide.
        var admin = AdminUnit(written, candidates);
        if (admin is not null)
        {
            return new PlaceChoice(admin, 0.95, $"the name of a {admin.Kind.ToString().ToLowerInvariant()}") { ContextFree = true };
        }

        var weight = evidence.GovernorateWeights;
        var governorates = candidates.Select(c => c.Governorate).Distinct().ToList();
        if (governorates.Count == 1)
        {
            var only = candidates.OrderByDescending(c => c.Prominence).First();
            bool elsewhere = weight.GetValueOrDefault(governorates[0]!) == 0 && weight.Values.Any(v => v >= 2) && only.Prominence == 0;
            string reason = (candidates.Count == 1 ? "the only entry with this name" : "every entry with this name is in " + governorates[0])
                + (elsewhere ? ", but the context names no place in " + governorates[0] : "");
            return new PlaceChoice(only, elsewhere ? 0.3 : candidates.Count == 1 ? 1.0 : 0.9, reason);
        }

        // A governorate named just before, in this sentence or the one before: "Hama Units of the army killed 40 in Kafr Zita".
        var local = candidates.Where(c => c.Governorate is not null && evidence.NearbyGovernorates.Contains(c.Governorate))
            .OrderByDescending(c => c.Prominence).FirstOrDefault();
        if (local is not null && candidates.Any(c => c.Governorate != local.Governorate))
        {
            return new PlaceChoice(local, 0.8, $"{local.Governorate} is named nearby");
        }

        var byContext = candidates
            .Select(c => (Place: c, Score: weight.GetValueOrDefault(c.Governorate ?? "")))
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.Place.Prominence).ToList();
        double runnerUp = byContext.Where(x => x.Place.Governorate != byContext[0].Place.Governorate).Select(x => x.Score).DefaultIfEmpty(0).Max();
        if (byContext[0].Score > runnerUp)
        {
            return new PlaceChoice(byContext[0].Place, 0.8, $"the context names {byContext[0].Place.Governorate} elsewhere");
        }

        if (evidence.Hint is { } hint && candidates.Where(c => c.Governorate == hint).OrderByDescending(c => c.Prominence).FirstOrDefault() is { } hinted)
        {
            return new PlaceChoice(hinted, 0.7, $"the dataset's location hint is {hint}");
        }

        // Without context: the most prominent town, then an entry spelled as written (vowel variants aside). A unit
        // that got here is spelled unlike the name ("Deir" is not Daraa) and does not win by its rank.
        var towns = candidates.Where(c => c.Kind is not (PlaceKind.Governorate or PlaceKind.District or PlaceKind.Area)).ToList();
        var top = (towns.Count > 0 ? towns : candidates).OrderByDescending(c => c.Prominence).ToList();
        if (top.Count == 1 || top[0].Prominence > top[1].Prominence)
        {
            return new PlaceChoice(top[0], 0.6, top.Count == 1 ? "the only town or village with this name" : "the most prominent of the entries with this name");
        }

        var exact = top.Where(c => c.Prominence == top[0].Prominence && NameKey.LooseDistance(written, c.Names) == 0).ToList();
        if (exact.Count == 1)
        {
            return new PlaceChoice(exact[0], 0.5, "the only entry spelled as written");
        }

        return new PlaceChoice(null, 0, $"{candidates.Count} entries in {string.Join(", ", governorates)} and nothing in the context to choose");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlyList<Place> Candidates, Place? Unit)> s_units = new(StringComparer.Ordinal);
    private static int s_cachedUnits;

    /// <summary>The governorate, district or area the written name is spelled close to, if any (remembered per spelling
    /// and candidate list: the same names come up in article after article).</summary>
    private static Place? AdminUnit(string written, IReadOnlyList<Place> candidates)
    {
        if (s_units.TryGetValue(written, out var known) && ReferenceEquals(known.Candidates, candidates))
        {
            return known.Unit;
        }

        Place? unit = null;
        if (candidates.Any(c => c.Kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.Area))
        {
            int tolerance = NameKey.Loose(written).Length / 4;
            unit = candidates.Where(c => c.Kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.Area)
                .Select(c => (Place: c, Distance: NameKey.LooseDistance(written, c.Names)))
                .Where(x => x.Distance <= tolerance)
                .OrderBy(x => x.Distance)
                .ThenBy(x => SpellingDistance(written, x.Place))
                .ThenBy(x => x.Place.Kind == PlaceKind.Governorate ? 0 : x.Place.Kind == PlaceKind.District ? 1 : 2)
                .Select(x => x.Place).FirstOrDefault();
        }

        if (Volatile.Read(ref s_cachedUnits) < 100_000)
        {
            s_units[written] = (candidates, unit);
            Interlocked.Increment(ref s_cachedUnits);
        }

        return unit;
    }

    /// <summary>How far the written name is from the closest of the entry's spellings.</summary>
    public static int SpellingDistance(string written, Place place)
    {
        var spelling = NameKey.Spelling(written);
        return place.Names.Where(n => n.Length > 0 && n[0] < '\u0600').Select(n => NameKey.Distance(spelling, NameKey.Spelling(n))).DefaultIfEmpty(int.MaxValue).Min();
    }
}
