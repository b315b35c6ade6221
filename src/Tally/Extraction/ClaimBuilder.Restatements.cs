using Tally.Geography;
using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

// Restatements: one claim for a figure told twice.
public static partial class ClaimBuilder
{
    private static List<Claim> MergeRestatements(Document doc, List<(Claim Claim, int Sentence)> claims)
    {
        // The headline (and a title repeated after a dateline) sums up a claim the body states again: it joins the
        // body's claim with the same figures, whatever place or source each names.
        int headlineEnd = HeadlineEnd(doc);
        var body = claims.Where(c => c.Sentence >= headlineEnd).Select(c => c.Claim).ToList();
        var result = new List<Claim>();
        foreach (var (claim, sentence) in claims)
        {
            if (sentence < headlineEnd)
            {
                int restated = body.FindIndex(b => !IsFurtherFigure(doc, b) && b.Killed.Total?.Value == claim.Killed.Total?.Value
                    && (b.Injured.Total?.Value == claim.Injured.Total?.Value || claim.Injured.Total is null));
                if (restated >= 0)
                {
                    body[restated] = Merge(body[restated], claim with { Place = null, Governorate = null, Sources = [] }, null);
                    continue;
                }
            }

            if (sentence < headlineEnd)
            {
                result.Add(claim);
            }
        }

        // Restatements have the same figures: compare only claims that share them. Headline claims that found no body
        // claim go first, so that a headline run into its lead ("kills 32 ... troops killed 32") merges too.
        var byFigures = new Dictionary<(long?, long?), List<int>>();
        var headlines = result.ToList();
        result.Clear();
        foreach (var claim in headlines.Concat(body))
        {
            var candidates = Key(claim);
            int same = IsFurtherFigure(doc, claim) ? -1 : candidates.FindIndex(i => IsRestatement(doc, result[i], claim));
            if (same < 0)
            {
                candidates.Add(result.Count);
                result.Add(claim);
                continue;
            }

            result[candidates[same]] = Merge(result[candidates[same]], claim, InnerPlace(doc, result[candidates[same]], claim));
        }

        return result;

        List<int> Key(Claim c)
        {
            var key = (c.Killed.Total?.Value, c.Injured.Total?.Value);
            if (!byFigures.TryGetValue(key, out var list))
            {
                list = [];
                byFigures[key] = list;
            }

            return list;
        }
    }

    /// <summary>The index of the first sentence after the headline: the title's paragraph, or the first sentence.</summary>
    private static int HeadlineEnd(Document doc)
    {
        if (doc.Sentences.Count == 0)
        {
            return 0;
        }

        int end = 1;
        while (end < doc.Sentences.Count && doc.Sentences[end].Paragraph == 0 && doc.Sentences[end].Range.Start < doc.BodyStartInText)
        {
            end++;
        }

        return end;
    }

    /// <summary>Whether the claim's death toll is told as one more than an earlier figure: "another 12", "12 more".</summary>
    private static bool IsFurtherFigure(Document doc, Claim claim)
    {
        if (claim.Killed.Total?.Range is not { } range)
        {
            return false;
        }

        var before = doc.Text.AsSpan(0, range.Start).TrimEnd();
        int space = before.LastIndexOfAny(' ', '\n');
        var after = doc.Text.AsSpan(range.End).TrimStart();
        int next = after.IndexOfAny(' ', '\n');
        return before[(space + 1)..].Equals("another", StringComparison.OrdinalIgnoreCase)
            || (next < 0 ? after : after[..next]).Equals("more", StringComparison.Ordinal);
    }

    /// <summary>The town a half of it is named after: "western Aleppo" restates "Aleppo".</summary>
    private static string WholeTown(string place)
    {
        foreach (var half in (ReadOnlySpan<string>)["east ", "west ", "eastern ", "western "])
        {
            if (place.StartsWith(half, StringComparison.OrdinalIgnoreCase))
            {
                return place[half.Length..];
            }
        }

        return place;
    }

    private static bool IsRestatement(Document doc, Claim a, Claim b)
    {
        if (a.Killed.Total?.Value != b.Killed.Total?.Value || a.Injured.Total?.Value != b.Injured.Total?.Value)
        {
            return false;
        }

        if (a.Place is { } pa && b.Place is { } pb && NameKey.Remembered(WholeTown(pa.Value)) != NameKey.Remembered(WholeTown(pb.Value))
            && InnerPlace(doc, a, b) is null)
        {
            return false;
        }

        if (a.Governorate?.Value is { } ga && b.Governorate?.Value is { } gb && ga != gb)
        {
            return false;
        }

        var sa = a.Sources.Select(s => s.Value).ToHashSet();
        var sb = b.Sources.Select(s => s.Value).ToHashSet();
        return sa.SetEquals(sb) || sa.SetEquals(["outlet"]) || sb.SetEquals(["outlet"]);
    }

    /// <summary>
    /// Of two claims' places, the one that lies in the city the other names ("15 killed in the city of Deir el-Zour",
    /// "the missile hit the Qusour neighbourhood"): the restatement's more specific place; <c>null</c> otherwise.
    /// </summary>
    private static Sourced<string>? InnerPlace(Document doc, Claim a, Claim b)
    {
        if (a.Place is not { Range: { } ra } pa || b.Place is not { Range: { } rb } pb || a.Governorate?.Value is not { } governorate
            || b.Governorate?.Value != governorate)
        {
            return null;
        }

        var ma = doc.Places.Find(m => m.Named == ra);
        var mb = doc.Places.Find(m => m.Named == rb);
        static bool IsCity(PlaceMention? m) => m is { IsArea: false, Written: null, Resolved.Kind: PlaceKind.Governorate };
        static bool IsInside(PlaceMention? m, string governorate) => m is { IsArea: false }
            && (m.Resolved is { Kind: PlaceKind.Locality } inner && inner.Governorate == governorate || m.Resolved is null && m.Candidates.Count == 0);
        return IsCity(ma) && IsInside(mb, governorate) ? pb : IsCity(mb) && IsInside(ma, governorate) ? pa : null;
    }

    private static Claim Merge(Claim first, Claim second, Sourced<string>? innerPlace)
    {
        static Counts MergeCounts(Counts a, Counts b) => a with
        {
            Civilians = a.Civilians ?? b.Civilians,
            Children = a.Children ?? b.Children,
            Women = a.Women ?? b.Women,
            Fighters = a.Fighters ?? b.Fighters,
            Qualifier = a.Qualifier == Qualifier.Exact && b.Qualifier is { } q ? q : a.Qualifier,
        };

        bool secondDated = second.DatePrecision is ClaimDatePrecision.Day or ClaimDatePrecision.Week && first.DatePrecision == ClaimDatePrecision.Report;
        bool secondAttributed = first.Sources.All(s => s.Value == "outlet") && second.Sources.Any(s => s.Value != "outlet");
        return first with
        {
            Place = innerPlace ?? first.Place ?? second.Place,
            Governorate = first.Place is null && second.Place is not null ? second.Governorate : first.Governorate ?? second.Governorate,
            Date = secondDated ? second.Date : first.Date,
            DatePrecision = secondDated ? second.DatePrecision : first.DatePrecision,
            // The perpetrators a restatement names in its words win over ones inferred from the article (the one blamed,
            // the side named most): "Suspected regime and Russian airstrikes" in the body over a lead that names none.
            Perpetrators = first.Perpetrators.All(p => p.Value == "unknown")
                || (first.Perpetrators.All(p => p.Range is null) && second.Perpetrators.Any(p => p.Range is not null && p.Value != "unknown"))
                ? second.Perpetrators : first.Perpetrators,
            Attack = first.Attack?.Range is null && second.Attack?.Range is not null ? second.Attack : first.Attack,
            Killed = MergeCounts(first.Killed, second.Killed),
            Injured = MergeCounts(first.Injured, second.Injured),
            Sources = secondAttributed ? second.Sources : first.Sources,
        };
    }
}
