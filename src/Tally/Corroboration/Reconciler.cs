namespace Tally.Corroboration;

/// <summary>
/// Reconciles the figures of one incident's claims: who the independent sources are, which figure of each stands,
/// and the low, best and high estimate per victim category.
/// </summary>
/// <remarks>
/// <para><b>Independent sources.</b> A named body (SOHR, the White Helmets, the UN, state media, a ministry...) is one
/// source however many outlets quote it. Unnamed activists, medical sources, other sources and the outlets' own
/// unattributed figures are one source per report: an article and its near-duplicates (<see
/// cref="IncidentClaim.ReportGroup"/>). A claim that names two sources counts for each.</para>
/// <para><b>A source's standing figure</b> is its latest (by publication date, then ingest order, then position in
/// the article): tolls rise, and a later figure supersedes an earlier one. For a category its latest claim leaves
/// empty, the latest claim that gives one stands.</para>
/// <para><b>Estimates</b>, after UCDP's low/best/high and Iraq Body Count's minimum and maximum: low and high are the
/// lowest and highest standing figures of the sources; best is the figure most sources give, and among equally
/// common figures the lower median, so that a single high outlier does not become the best estimate.</para>
/// </remarks>
public static class Reconciler
{
    private static readonly HashSet<string> s_perReport = new(StringComparer.Ordinal) { "activists", "medical", "other", "outlet" };

    /// <summary>The independent sources of <paramref name="claims"/>, in the order they first report.</summary>
    public static IReadOnlyList<SourceReport> Sources(IReadOnlyList<IncidentClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var byKey = new Dictionary<string, List<IncidentClaim>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var claim in claims.OrderBy(c => c, ReportOrder.Instance))
        {
            var sources = claim.Sources.Count == 0 ? ["outlet"] : claim.Sources;
            foreach (var source in sources.Distinct(StringComparer.Ordinal))
            {
                string key = s_perReport.Contains(source) ? source + "@" + claim.Group : source;
                if (!byKey.TryGetValue(key, out var list))
                {
                    byKey[key] = list = [];
                    order.Add(key);
                }

                list.Add(claim);
            }
        }

        return [.. order.Select(key =>
        {
            var list = byKey[key];
            string source = key.Split('@')[0];
            var outlets = list.Select(c => c.Outlet).Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.Ordinal).ToList();
            return new SourceReport(key, source, outlets!, list[^1], list);
        })];
    }

    /// <summary>The estimates per category that at least one source gives a figure for.</summary>
    public static IReadOnlyDictionary<VictimCategory, Estimate> Figures(IReadOnlyList<SourceReport> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var figures = new Dictionary<VictimCategory, Estimate>();
        var values = new List<(long Count, bool AtLeast, IncidentClaim Claim)>();
        foreach (var category in Enum.GetValues<VictimCategory>())
        {
            values.Clear();
            foreach (var source in sources)
            {
                // The latest claim of the source that gives this category.
                for (int k = source.Claims.Count - 1; k >= 0; k--)
                {
                    var figure = source.Claims[k].FigureOf(category);
                    if (figure.Count is { } count)
                    {
                        values.Add((count, figure.Qualifier == "at_least", source.Claims[k]));
                        break;
                    }
                }
            }

            if (values.Count > 0)
            {
                figures[category] = Estimate(values);
            }
        }

        return figures;
    }

    private static Estimate Estimate(List<(long Count, bool AtLeast, IncidentClaim Claim)> values)
    {
        var sorted = values.OrderBy(v => v.Count).ThenBy(v => v.Claim, ReportOrder.Instance).ToList();
        var low = sorted[0];
        var high = sorted[^1];
        var best = sorted
            .GroupBy(v => v.Count)
            .Select(g => (Count: g.Key, Sources: g.Count(), First: g.First()))
            .OrderByDescending(g => g.Sources)
            .ToList();
        (long Count, bool AtLeast, IncidentClaim Claim) chosen;
        if (best.Count > 1 && best[0].Sources == best[1].Sources)
        {
            chosen = sorted[(sorted.Count - 1) / 2];
        }
        else
        {
            chosen = best[0].First;
        }

        return new Estimate(low.Count, chosen.Count, high.Count, low.Claim.Ref, chosen.Claim.Ref, high.Claim.Ref, high.AtLeast);
    }

    /// <summary>Report order: publication date, then ingest order, then position in the article.</summary>
    internal sealed class ReportOrder : IComparer<IncidentClaim>
    {
        public static ReportOrder Instance { get; } = new();

        public int Compare(IncidentClaim? x, IncidentClaim? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? -1 : 1;
            }

            int c = (x.Published ?? DateOnly.MinValue).CompareTo(y.Published ?? DateOnly.MinValue);
            if (c == 0)
            {
                c = x.ArticleSeq.CompareTo(y.ArticleSeq);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(x.ArticleId, y.ArticleId);
            }

            return c != 0 ? c : x.Ordinal.CompareTo(y.Ordinal);
        }
    }
}
