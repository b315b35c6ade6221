using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Tally.Storage;

/// <summary>A recorder's decision on a claim: confirmed, corrected (with the corrected fields) or rejected.</summary>
/// <param name="ArticleId">The claim's article.</param>
/// <param name="ClaimKey">The claim's key (<see cref="Reviews.KeyOf"/>): it survives re-extraction.</param>
/// <param name="Decision"><c>confirm</c>, <c>correct</c> or <c>reject</c>.</param>
/// <param name="Correction">For <c>correct</c>: a JSON object of the fields that replace the machine's.</param>
/// <param name="Who">The name of the token that made it.</param>
/// <param name="At">When (UTC, ISO 8601).</param>
public sealed record ReviewRow(string ArticleId, string ClaimKey, string Decision, string? Correction, string Who, string At);

/// <summary>
/// Human decisions on claims, kept beside the machine's: a claim is known by its evidence (the words that carry the
/// figure) and its place among the claims with that evidence, so that a decision outlives re-extraction as long as
/// the words do. Exports use the decisions: a rejected claim is left out, a corrected one carries the corrections.
/// </summary>
public static class Reviews
{
    /// <summary>The decisions a review may take.</summary>
    public static IReadOnlyList<string> Decisions { get; } = ["confirm", "correct", "reject"];

    /// <summary>The fields a correction may set, as in the spec's claim object.</summary>
    public static IReadOnlyList<string> CorrectableFields { get; } =
        ["date", "place", "governorate", "perpetrators", "attack", "killed", "injured", "sources"];

    /// <summary>The key of the claim at <paramref name="ordinal"/> among its article's claims (in order).</summary>
    public static string KeyOf(IReadOnlyList<ClaimRow> articleClaims, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(articleClaims);
        string Evidence(ClaimRow c) => JsonNode.Parse(c.Json)?["evidence"]?.GetValue<string>() ?? "";
        var mine = articleClaims.First(c => c.Ordinal == ordinal);
        string evidence = Evidence(mine);
        int n = articleClaims.Where(c => c.Ordinal < ordinal).Count(c => Evidence(c) == evidence);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evidence)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{hash}#{n}");
    }

    /// <summary>
    /// The claim as its review leaves it: <c>null</c> when rejected; else the claim with the corrected fields in place,
    /// and a <c>review</c> object saying who decided what, when, and what the machine had said.
    /// </summary>
    public static JsonObject? Apply(string claimJson, ReviewRow? review)
    {
        var claim = JsonNode.Parse(claimJson)!.AsObject();
        if (review is null)
        {
            return claim;
        }

        if (review.Decision == "reject")
        {
            return null;
        }

        var note = new JsonObject { ["decision"] = review.Decision, ["who"] = review.Who, ["at"] = review.At };
        if (review.Decision == "correct" && review.Correction is { } text && JsonNode.Parse(text) is JsonObject correction)
        {
            var machine = new JsonObject();
            foreach (var (field, value) in correction)
            {
                if (field == "killed" || field == "injured")
                {
                    // A corrected count replaces the total (and a qualifier if given); the breakdown stays the machine's.
                    var counts = claim[field] as JsonObject ?? [];
                    machine[field] = counts.DeepClone();
                    if (value is JsonObject o)
                    {
                        foreach (var (k, v) in o)
                        {
                            counts[k] = v?.DeepClone();
                        }
                    }
                    else
                    {
                        counts["total"] = value?.DeepClone();
                    }

                    claim[field] = counts;
                    continue;
                }

                machine[field] = claim[field]?.DeepClone();
                claim[field] = value?.DeepClone();
            }

            note["machine"] = machine;
        }

        claim["review"] = note;
        return claim;
    }
}
