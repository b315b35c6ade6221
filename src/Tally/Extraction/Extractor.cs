namespace Tally.Extraction;

/// <summary>
/// Runs the whole extraction for one article: the <see cref="Pipeline"/> annotates it, then claims and tallies are
/// built from the annotations.
/// </summary>
/// <remarks>Immutable and thread-safe; reuse one instance.</remarks>
public sealed class Extractor
{
    /// <summary>Creates an extractor over <paramref name="pipeline"/> (the default pipeline when <c>null</c>).</summary>
    public Extractor(Pipeline? pipeline = null) => Pipeline = pipeline ?? Pipeline.Default;

    /// <summary>The extractor with the default pipeline.</summary>
    public static Extractor Default { get; } = new();

    /// <summary>The pipeline that annotates articles.</summary>
    public Pipeline Pipeline { get; }

    /// <summary>Extracts the claims and tallies of <paramref name="article"/>.</summary>
    public ArticleExtraction Extract(Article article)
    {
        var document = Pipeline.Annotate(article);
        var (claims, tallies) = ClaimBuilder.Build(document);
        return new ArticleExtraction(document, WithPlaceEntries(document, claims), tallies);
    }

    /// <summary>Each claim with the gazetteer entry its place mention was resolved to.</summary>
    private static IReadOnlyList<Claim> WithPlaceEntries(Text.Document document, IReadOnlyList<Claim> claims)
    {
        Claim[]? resolved = null;
        for (int i = 0; i < claims.Count; i++)
        {
            if (claims[i].Place?.Range is not { } range)
            {
                continue;
            }

            foreach (var mention in document.Places)
            {
                if (mention.Named == range && mention.Resolved is { Kind: not Geography.PlaceKind.Foreign } entry)
                {
                    resolved ??= [.. claims];
                    resolved[i] = claims[i] with { PlaceEntry = entry };
                    break;
                }
            }
        }

        return resolved ?? claims;
    }
}
