using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tally.Geography;

namespace Tally.Corroboration;

/// <summary>
/// Groups claims about the same event into incidents, across articles and outlets, and reconciles their figures.
/// </summary>
/// <remarks>
/// <para><b>Dates.</b> Each claim stands for the days it can be about: its day give or take one (reports say
/// "overnight", "yesterday", "late Sunday"), three days either side for <c>week</c>, the month, the year, or the two
/// days up to the report for <c>report</c>. Claims join only if all their day ranges share a day, so nothing from
/// 2017 joins anything from 2019. A claim with neither a date nor a publication date stays alone.</para>
/// <para><b>Places.</b> Claims naming a village or town are blocked by governorate and place (the gazetteer entry, or
/// the spelling key of a name the gazetteer lacks). Claims that name only an area (a governorate, a district, a region,
/// or nothing but the governorate) join the one village-level incident of their area whose dates and actors fit and
/// that holds no claim of their own report; a claim whose own report also names villages for that area and time is a
/// total of those parts, so it is never merged into one of them: it forms an incident of its own (with the other
/// reports' totals) related to its parts. A claim with no governorate and no place stays alone.</para>
/// <para><b>Actors.</b> Perpetrators agree when the named ones (not <c>unknown</c>) overlap or either side names none;
/// attack types agree when equal, when either is unknown or <c>other</c>, and air strikes with shelling (reports of
/// one bombardment name both).</para>
/// <para><b>Cost.</b> Candidates come from blocks (place, governorate, day), and each block is swept in date order
/// keeping only the incidents whose days are still open, so the cost grows near-linearly with the number of claims.</para>
/// <para>Deterministic: the same claims in any order give the same incidents. Thread-safe: it holds no state.</para>
/// </remarks>
public static class IncidentClusterer
{
    /// <summary>The widest day range (a month) that is indexed day by day; wider ones are checked one by one.</summary>
    private const int MaxIndexedDays = 31;

    /// <summary>Clusters <paramref name="claims"/>; <paramref name="governorateEntry"/> gives the entry (and so the
    /// coordinates) of a governorate, for incidents that name no more specific place.</summary>
    public static IReadOnlyList<Incident> Cluster(IEnumerable<IncidentClaim> claims, Func<string, PlaceEntry?>? governorateEntry = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var all = claims.OrderBy(c => c.ArticleSeq).ThenBy(c => c.ArticleId, StringComparer.Ordinal).ThenBy(c => c.Ordinal).ToList();
        var groups = new List<Group>();
        var specific = new Dictionary<(string Governorate, string Place), List<Item>>();
        var areas = new List<Item>();
        foreach (var claim in all)
        {
            var item = new Item(claim);
            if (item.Days is null)
            {
                groups.Add(new Group(item));
            }
            else if (PlaceKey(claim) is { } key)
            {
                var block = (claim.Governorate ?? "", key);
                if (!specific.TryGetValue(block, out var list))
                {
                    specific[block] = list = [];
                }

                list.Add(item);
            }
            else if (claim.Governorate is not null)
            {
                areas.Add(item);
            }
            else
            {
                groups.Add(new Group(item));
            }
        }

        // Village-level incidents: each block swept in date order.
        var villageGroups = new List<Group>();
        foreach (var (_, block) in specific.OrderBy(b => b.Key.Governorate, StringComparer.Ordinal).ThenBy(b => b.Key.Place, StringComparer.Ordinal))
        {
            villageGroups.AddRange(Sweep(block));
        }

        // Area-level claims: into the one village incident of their area that fits, else incidents of their own.
        var index = new DayIndex(villageGroups);
        var leftOver = new List<(Item Item, List<Group> Parts)>();
        foreach (var item in areas.OrderBy(i => i.Days!.Value.From).ThenBy(i => i.Claim.ArticleSeq).ThenBy(i => i.Claim.Ordinal))
        {
            var parts = new List<Group>();
            Group? only = null;
            int fitting = 0;
            foreach (var g in index.Overlapping(item.Claim.Governorate!, item.Days!.Value))
            {
                if (!InArea(item.Claim, g) || !g.Overlaps(item.Days.Value))
                {
                    continue;
                }

                if (g.HasGroup(item.Claim.Group))
                {
                    parts.Add(g);
                }
                else if (g.Fits(item))
                {
                    fitting++;
                    only = g;
                }
            }

            if (parts.Count == 0 && fitting == 1)
            {
                only!.Add(item);
            }
            else
            {
                leftOver.Add((item, parts));
            }
        }

        var areaBlocks = leftOver.GroupBy(x => (x.Item.Claim.Governorate!, AreaKey(x.Item.Claim)));
        foreach (var block in areaBlocks.OrderBy(b => b.Key.Item1, StringComparer.Ordinal).ThenBy(b => b.Key.Item2, StringComparer.Ordinal))
        {
            var partsOf = block.ToDictionary(x => x.Item, x => x.Parts);
            foreach (var g in Sweep(block.Select(x => x.Item).ToList()))
            {
                foreach (var member in g.Items)
                {
                    foreach (var part in partsOf[member])
                    {
                        g.Related.Add(part);
                        part.Related.Add(g);
                    }
                }

                groups.Add(g);
            }
        }

        groups.AddRange(villageGroups);
        var incidents = new Dictionary<Group, string>();
        foreach (var g in groups)
        {
            incidents[g] = IdOf(g.Items.Select(i => i.Claim).OrderBy(c => c.ArticleSeq).ThenBy(c => c.ArticleId, StringComparer.Ordinal).ThenBy(c => c.Ordinal).First());
        }

        return [.. groups
            .Select(g => Build(g, incidents[g], [.. g.Related.Select(r => incidents[r]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], governorateEntry))
            .OrderBy(i => i.Date ?? DateOnly.MaxValue)
            .ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    /// <summary>The block key of a claim that names a village or town, or <c>null</c> for one that names only an area.</summary>
    private static string? PlaceKey(IncidentClaim claim)
    {
        if (claim.Entry is { } entry)
        {
            return entry.IsSpecific ? "id:" + entry.Id : null;
        }

        return claim.Place is { } place && NameKey.Of(place) is { Length: > 0 } key ? "key:" + key : null;
    }

    /// <summary>The area an area-level claim names: a district or region entry, else its governorate.</summary>
    private static string AreaKey(IncidentClaim claim) => claim.Entry is { Precision: "district" or "area" } entry ? entry.Id : "";

    /// <summary>Whether a village incident lies in the area the claim names.</summary>
    private static bool InArea(IncidentClaim claim, Group village)
    {
        if (claim.Entry is { Precision: "district", District: { } district })
        {
            return village.District is null || village.District == district;
        }

        return true;
    }

    /// <summary>One pass over a block in date order: each claim joins the latest open incident it fits, or opens one.</summary>
    private static List<Group> Sweep(List<Item> block)
    {
        block.Sort((a, b) =>
        {
            int c = a.Days!.Value.From.CompareTo(b.Days!.Value.From);
            return c != 0 ? c : Reconciler.ReportOrder.Instance.Compare(a.Claim, b.Claim);
        });
        var done = new List<Group>();
        var open = new List<Group>();
        foreach (var item in block)
        {
            var days = item.Days!.Value;
            for (int k = open.Count - 1; k >= 0; k--)
            {
                if (open[k].To < days.From)
                {
                    done.Add(open[k]);
                    open.RemoveAt(k);
                }
            }

            Group? home = null;
            for (int k = open.Count - 1; k >= 0 && home is null; k--)
            {
                if (open[k].Overlaps(days) && open[k].Fits(item))
                {
                    home = open[k];
                }
            }

            if (home is null)
            {
                open.Add(new Group(item));
            }
            else
            {
                home.Add(item);
            }
        }

        done.AddRange(open);
        return done;
    }

    private static string IdOf(IncidentClaim first)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(first.Ref), hash);
        return "i" + Convert.ToHexStringLower(hash[..6]);
    }

    private static Incident Build(Group g, string id, IReadOnlyList<string> related, Func<string, PlaceEntry?>? governorateEntry)
    {
        var claims = g.Items.Select(i => i.Claim).OrderBy(c => c.ArticleSeq).ThenBy(c => c.ArticleId, StringComparer.Ordinal).ThenBy(c => c.Ordinal).ToList();
        var sources = Reconciler.Sources(claims);
        var figures = Reconciler.Figures(sources);

        // The date: the most precise claims' most common day, the earliest among equals.
        var dated = claims.Where(c => c.Date is not null).ToList();
        var precise = dated.GroupBy(c => PrecisionRank(c.DatePrecision)).OrderBy(x => x.Key).FirstOrDefault();
        var date = precise?.GroupBy(c => c.Date!.Value).OrderByDescending(x => x.Count()).ThenBy(x => x.Key).First().Key;
        string precision = precise?.First().DatePrecision ?? "report";

        // The place: the entry most of the village-level claims name, as the first of them wrote it.
        var placed = claims.Where(c => PlaceKey(c) is not null).ToList();
        var placeGroup = placed.GroupBy(c => PlaceKey(c)!).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal).FirstOrDefault();
        var placeClaim = placeGroup?.First();
        string? governorate = placeClaim?.Governorate ?? claims.Select(c => c.Governorate).FirstOrDefault(x => x is not null);
        var entry = placeClaim?.Entry
            ?? claims.Select(c => c.Entry).FirstOrDefault(e => e is not null && !e.IsSpecific)
            ?? (placeClaim is null && governorate is not null ? governorateEntry?.Invoke(governorate) : null);

        var named = claims.SelectMany(c => c.Perpetrators).Where(p => p != "unknown")
            .GroupBy(p => p, StringComparer.Ordinal).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Key).ToList();
        string? attack = claims.Select(c => c.Attack).Where(a => a is not null && a != "other")
            .GroupBy(a => a!, StringComparer.Ordinal).OrderByDescending(x => x.Count()).ThenBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Key).FirstOrDefault() ?? claims.Select(c => c.Attack).FirstOrDefault(a => a is not null);

        var incident = new Incident
        {
            Id = id,
            Claims = claims,
            Date = date,
            From = g.Dated ? DateOnly.FromDayNumber(g.From) : null,
            To = g.Dated ? DateOnly.FromDayNumber(g.To) : null,
            DatePrecision = precision,
            Place = placeClaim?.Place ?? claims.Select(c => c.Place).FirstOrDefault(x => x is not null),
            Entry = entry,
            Governorate = governorate,
            Perpetrators = named.Count > 0 ? named : ["unknown"],
            Attack = attack,
            Figures = figures,
            Sources = sources,
            Related = related,
        };
        return incident with { Summary = IncidentSummary.Of(incident) };
    }

    private static int PrecisionRank(string precision) => precision switch
    {
        "day" => 0,
        "week" => 1,
        "report" => 2,
        "month" => 3,
        _ => 4,
    };

    /// <summary>The days a claim can be about, as day numbers (inclusive), or <c>null</c> when nothing dates it.</summary>
    internal static (int From, int To)? DaysOf(IncidentClaim claim)
    {
        if (claim.Date is not { } date)
        {
            return claim.Published is { } published ? (published.DayNumber - 2, published.DayNumber) : null;
        }

        int day = date.DayNumber;
        return claim.DatePrecision switch
        {
            "week" => (day - 3, day + 3),
            "month" => (new DateOnly(date.Year, date.Month, 1).DayNumber, new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)).DayNumber),
            "year" => (new DateOnly(date.Year, 1, 1).DayNumber, new DateOnly(date.Year, 12, 31).DayNumber),
            "report" => (day - 2, day),
            _ => (day - 1, day + 1),
        };
    }

    /// <summary>Whether two attack types can describe one event.</summary>
    internal static bool AttacksAgree(string? a, string? b) =>
        a is null || b is null || a == "other" || b == "other" || a == b
        || (a is "air_strike" or "shelling" && b is "air_strike" or "shelling");

    private static IReadOnlyList<string> SourcesOf(IncidentClaim claim) => claim.Sources.Count == 0 ? s_outlet : claim.Sources;

    private static readonly string[] s_outlet = ["outlet"];

    private sealed class Item(IncidentClaim claim)
    {
        public IncidentClaim Claim { get; } = claim;

        public (int From, int To)? Days { get; } = DaysOf(claim);
    }

    /// <summary>An incident being built: its claims, the days all of them share, and what they name.</summary>
    private sealed class Group
    {
        private readonly HashSet<string> _groups = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Group, string Source), long?> _statements = [];
        private readonly HashSet<string> _perpetrators = new(StringComparer.Ordinal);

        public Group(Item first)
        {
            Dated = first.Days is not null;
            From = first.Days?.From ?? 0;
            To = first.Days?.To ?? 0;
            Add(first);
        }

        public List<Item> Items { get; } = [];

        /// <summary>Whether the days are known (a claim with neither a date nor a publication date has none).</summary>
        public bool Dated { get; }

        public HashSet<Group> Related { get; } = [];

        public int From { get; private set; }

        public int To { get; private set; }

        public string? Attack { get; private set; }

        public string? District { get; private set; }

        public bool HasGroup(string group) => _groups.Contains(group);

        public bool Overlaps((int From, int To) days) => days.From <= To && days.To >= From;

        public bool Fits(Item item)
        {
            if (!AttacksAgree(Attack, item.Claim.Attack))
            {
                return false;
            }

            // One report in which one source gives two figures speaks of two things (a total and a part, or two events).
            foreach (var source in SourcesOf(item.Claim))
            {
                if (_statements.TryGetValue((item.Claim.Group, source), out var killed) && killed != item.Claim.Killed.Count)
                {
                    return false;
                }
            }

            bool anyNamed = false;
            foreach (var p in item.Claim.Perpetrators)
            {
                if (p == "unknown")
                {
                    continue;
                }

                anyNamed = true;
                if (_perpetrators.Contains(p))
                {
                    return true;
                }
            }

            return !anyNamed || _perpetrators.Count == 0;
        }

        public void Add(Item item)
        {
            Items.Add(item);
            if (item.Days is { } days && Items.Count > 1)
            {
                From = Math.Max(From, days.From);
                To = Math.Min(To, days.To);
            }

            _groups.Add(item.Claim.Group);
            foreach (var source in SourcesOf(item.Claim))
            {
                _statements.TryAdd((item.Claim.Group, source), item.Claim.Killed.Count);
            }

            foreach (var p in item.Claim.Perpetrators)
            {
                if (p != "unknown")
                {
                    _perpetrators.Add(p);
                }
            }

            if (Attack is null or "other" && item.Claim.Attack is not null)
            {
                Attack = item.Claim.Attack;
            }

            District ??= item.Claim.Entry?.District;
        }
    }

    /// <summary>Village incidents by governorate and day, to find the ones an area-level claim may belong to.</summary>
    private sealed class DayIndex
    {
        private readonly Dictionary<(string, int), List<Group>> _byDay = [];
        private readonly Dictionary<string, List<Group>> _wide = new(StringComparer.Ordinal);

        public DayIndex(IEnumerable<Group> groups)
        {
            foreach (var g in groups)
            {
                string governorate = g.Items[0].Claim.Governorate ?? "";
                if (g.To - g.From + 1 > MaxIndexedDays)
                {
                    if (!_wide.TryGetValue(governorate, out var wide))
                    {
                        _wide[governorate] = wide = [];
                    }

                    wide.Add(g);
                    continue;
                }

                for (int day = g.From; day <= g.To; day++)
                {
                    if (!_byDay.TryGetValue((governorate, day), out var list))
                    {
                        _byDay[(governorate, day)] = list = [];
                    }

                    list.Add(g);
                }
            }
        }

        /// <summary>The incidents of a governorate whose days may overlap <paramref name="days"/>, each once.</summary>
        public IEnumerable<Group> Overlapping(string governorate, (int From, int To) days)
        {
            var seen = new HashSet<Group>();
            int to = Math.Min(days.To, days.From + 366);
            for (int day = days.From; day <= to; day++)
            {
                if (_byDay.TryGetValue((governorate, day), out var list))
                {
                    foreach (var g in list)
                    {
                        if (seen.Add(g))
                        {
                            yield return g;
                        }
                    }
                }
            }

            if (_wide.TryGetValue(governorate, out var wide))
            {
                foreach (var g in wide)
                {
                    if (seen.Add(g))
                    {
                        yield return g;
                    }
                }
            }
        }
    }
}
