using System.Globalization;
using Tally.Corroboration;
using Tally.Geography;

namespace Tally.Storage;

/// <summary>Reads the record's claims as <see cref="IncidentClaim"/>s: with their article's outlet, publication date and
/// ingest order, the near-duplicate group the article belongs to, and the recorders' reviews applied (rejected claims
/// left out, corrections in place).</summary>
public static class IncidentInputs
{
    /// <summary>Every claim of the record, ready for <see cref="IncidentClusterer"/>.</summary>
    /// <param name="store">The record.</param>
    /// <param name="gazetteer">Resolves the places of claims stored before their entry was kept (the built-in one when <c>null</c>).</param>
    public static List<IncidentClaim> Load(Store store, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        gazetteer ??= Gazetteer.Default;
        var articles = store.ArticleHeads().ToDictionary(a => a.Id, StringComparer.Ordinal);
        var groups = ReportGroups(articles, store.Duplicates());
        var claims = new List<IncidentClaim>();
        foreach (var (row, reviewed, rejected) in store.ReviewedClaims())
        {
            if (rejected)
            {
                continue; // a recorder rejected it: no incident counts it
            }

            var head = articles[row.ArticleId];
            var claim = IncidentClaim.FromJson(reviewed.ToJsonString(), row.ArticleId, row.Ordinal) with
            {
                ArticleSeq = head.Seq,
                Outlet = head.Source,
                Published = head.Published is { } p && DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                ReportGroup = groups.GetValueOrDefault(row.ArticleId, row.ArticleId),
            };
            if (claim.Entry is null && claim.Place is { } place)
            {
                // Stored before claims kept their entry: the one entry of the claim's governorate spelled so.
                var matches = gazetteer.Match(place).Where(e => e.Kind != PlaceKind.Foreign && e.Governorate == claim.Governorate).ToList();
                if (matches.Count == 1)
                {
                    claim = claim with { Entry = PlaceEntry.Of(matches[0]) };
                }
            }

            claims.Add(claim);
        }

        return claims;
    }

    /// <summary>The entry of a governorate by its spec name, for incidents that name no more specific place.</summary>
    public static Func<string, PlaceEntry?> GovernorateEntries(Gazetteer? gazetteer = null)
    {
        var governorates = (gazetteer ?? Gazetteer.Default).Governorates.ToDictionary(g => g.Key, g => PlaceEntry.Of(g.Value), StringComparer.Ordinal);
        return name => governorates.GetValueOrDefault(name);
    }

    /// <summary>Each article's group: the earliest article its near-duplicate links reach.</summary>
    private static Dictionary<string, string> ReportGroups(Dictionary<string, ArticleHead> articles, IReadOnlyList<DuplicateRow> links)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string id)
        {
            while (parent.TryGetValue(id, out var up) && up != id)
            {
                id = up;
            }

            return id;
        }

        foreach (var link in links)
        {
            if (!articles.TryGetValue(link.ArticleId, out var a) || !articles.TryGetValue(link.Of, out var b))
            {
                continue;
            }

            string ra = Find(a.Id), rb = Find(b.Id);
            if (ra == rb)
            {
                continue;
            }

            // The earlier article (in ingest order) is the group's root.
            if (articles[ra].Seq < articles[rb].Seq)
            {
                parent[rb] = ra;
            }
            else
            {
                parent[ra] = rb;
            }
        }

        return articles.Keys.ToDictionary(id => id, Find, StringComparer.Ordinal);
    }
}
