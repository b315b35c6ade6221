using System.Collections.Frozen;
using Tally.Geography;
using Tally.Text;

namespace Tally.Extraction;

/// <summary>
/// Builds claims and tallies from an annotated document, by rules over its spans and their distance.
/// </summary>
/// <remarks>
/// <para><b>Figures.</b> Every casualty word ("killed", "wounded", "death toll") looks for its count: a number before
/// it for a passive or adjectival use ("four civilians were killed", "nine dead"), after it for an active use
/// ("killing at least four people") or a toll ("the death toll rose to 16"). Between the two may stand only victim
/// nouns, actor names, auxiliaries and a few function words, and a parenthetical breakdown (", including four women,").
/// A count without a casualty word of its own inherits one from a figure before it in the sentence ("four were killed
/// in A and three others in B"). A victim phrase without a number gives an implied count ("a woman and her child": 2).
/// A number followed by a noun that is not a person ("18 trucks") is not a count of people.</para>
/// <para><b>Claims.</b> An injured figure joins the killed figure before it in the same sentence; otherwise each figure
/// is a claim. Breakdowns ("including three children", "Among the dead were nine women") fill the sub-counts.
/// Place, date, perpetrators, attack and sources are taken from the clause around the figure, then the sentence,
/// then the sentences before it in the paragraph, then the headline and lead, and otherwise defaulted (the report's
/// date, <c>unknown</c>, <c>outlet</c>).</para>
/// <para><b>Tallies.</b> A killed figure over a period ("since late April", "so far this year", "over the past two
/// months", more than three days) or of the size of a war's toll is exported as a tally, never a claim.</para>
/// <para><b>Restatements.</b> Claims with the same figures, compatible places and the same sources are merged, keeping
/// the more precise place, qualifier and date.</para>
/// <para>Everything is linear in the number of tokens, up to the bounded windows each rule looks at.</para>
/// </remarks>
public static partial class ClaimBuilder
{
    private const int BackwardWindow = 8;
    private const int ForwardWindow = 4;
    private const int TallyThreshold = 2000;

    private static readonly FrozenSet<string> s_auxiliaries = Set(
        "were", "was", "have", "has", "had", "been", "be", "being", "are", "is", "reportedly", "also", "all", "later",
        "confirmed", "believed", "feared", "said", "to", "of", "them", "the", "other", "more", "others", "people",
        "and", "either", "both", "who", "which", "that", "subsequently", "already", "now", "since", "been", "got",
        "get", "may", "might", "could", "would", "will", "apparently", "allegedly", "mostly", "mainly", "many",
        "least", "at", "among", "whom", "those", "these", "were", "being", "as", "well", "fatally", "seriously",
        "critically", "badly", "slightly", "lightly", "instantly", "reported", "been", "later", "were", "reported");

    private static readonly FrozenSet<string> s_activeGap = Set("a", "an", "the", "another", "at", "least", "some", "about", "and");

    private static readonly FrozenSet<string> s_attribution = Set(
        "said", "says", "say", "reported", "reports", "report", "told", "tells", "stated", "confirmed", "documented",
        "announced", "put", "puts", "gave", "estimated", "counted", "added", "claimed", "recorded", "according",
        "cited", "quoted", "noted", "saying", "adding", "reporting", "confirming", "citing", "tallied");

    private static readonly FrozenSet<string> s_breakdownLeads = Set("including", "among", "mostly", "mainly", "of", "most", "all", "many", "some", "half");

    private static readonly FrozenSet<string> s_tallyWords = Set("so", "far", "date", "total", "overall", "altogether", "cumulative", "tally");

    private static readonly FrozenSet<string> s_functionWords = Set(
        "in", "on", "at", "and", "or", "of", "to", "from", "by", "with", "including", "as", "who", "were", "was", "have",
        "had", "has", "are", "is", "more", "others", "people", "dead", "killed", "died", "near", "during", "after",
        "when", "while", "but", "among", "across", "since", "for", "inside", "amid", "following", "over", "into",
        "the", "a", "an", "had", "been", "reportedly", "overnight", "yesterday", "today", "this", "last", "earlier",
        "later", "there", "so", "than", "that", "which", "whom", "wounded", "injured", "being", "be", "men");

    private static readonly FrozenDictionary<string, string> s_opponents = new Dictionary<string, string>
    {
        ["syrian_government"] = "opposition", ["opposition"] = "syrian_government", ["isis"] = "syrian_government",
        ["hts"] = "syrian_government", ["sdf_ypg"] = "turkey", ["russia"] = "opposition", ["iran"] = "opposition",
        ["turkey"] = "sdf_ypg",
    }.ToFrozenDictionary();

    private static FrozenSet<string> Set(params string[] words) => FrozenSet.Create(StringComparer.OrdinalIgnoreCase, words);

    /// <summary>Builds the claims and tallies of <paramref name="doc"/>.</summary>
    public static (IReadOnlyList<Claim> Claims, IReadOnlyList<TallyFigure> Tallies) Build(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var index = new LayerIndex(doc);
        var figures = new List<Figure>();
        var used = new HashSet<int>(); // first tokens of numbers already taken
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            FindFigures(doc, index, s, figures, used);
        }

        ApplyLaterBreakdowns(doc, index, figures, used);

        // A list of links to other stories closes many scraped articles ("Source AA Related News Death toll rises to 70
        // as ..."): its headlines are other articles' figures.
        int links = LinkListStart(doc);
        figures.RemoveAll(f => f.FirstToken >= links);
        index.Figures = figures;

        var claims = new List<(Claim Claim, int Sentence)>();
        var tallies = new List<TallyFigure>();
        // Pair each killed figure with the injured figure of its clause: the one right after it in the sentence, or the
        // one right before it ("More than 30 people were injured, at least three killed").
        var injuredOf = new Dictionary<Figure, Figure>();
        var paired = new HashSet<Figure>();
        foreach (var f in figures.Where(f => f.Kind == FigureKind.Killed))
        {
            var sameSentence = index.FiguresIn(f.Sentence).ToList();
            int at = sameSentence.IndexOf(f);
            Figure? partner = null;
            if (at + 1 < sameSentence.Count && sameSentence[at + 1].Kind == FigureKind.Injured && !paired.Contains(sameSentence[at + 1]))
            {
                partner = sameSentence[at + 1];
            }
            else if (at > 0 && sameSentence[at - 1].Kind == FigureKind.Injured && !paired.Contains(sameSentence[at - 1])
                && (at < 2 || sameSentence[at - 2].Kind != FigureKind.Killed))
            {
                partner = sameSentence[at - 1];
            }

            if (partner is not null)
            {
                injuredOf[f] = partner;
                paired.Add(partner);
            }
        }

        foreach (var f in figures)
        {
            if (paired.Contains(f))
            {
                continue;
            }

            Figure? killed = f.Kind == FigureKind.Killed ? f : null;
            Figure? injured = killed is null ? f : injuredOf.GetValueOrDefault(f);
            var lead = killed ?? injured!;
            if (killed is not null && TallyScope(doc, index, killed) is { } scope)
            {
                index.TallyScopes[killed.Sentence] = scope;
                if (killed.Value is { } v)
                {
                    tallies.Add(new TallyFigure(v, scope.Text, scope.Range));
                }

                continue;
            }

            var claim = MakeClaim(doc, index, killed, injured, lead);
            if (!(claim.Killed.HasTotal || claim.Injured.HasTotal))
            {
                continue;
            }

            // "one was killed in each of Harasta, Douma and Mesraba": the figure holds for every place listed.
            var each = EachOfPlaces(doc, index, lead);
            if (each.Count > 1)
            {
                foreach (var place in each)
                {
                    var governorate = GovernorateOf(doc, place, [(place.FirstToken, place.EndToken)], index);
                    claims.Add((claim with
                    {
                        Place = new Sourced<string>(doc.RawText(place.Named), place.Named),
                        Governorate = governorate is null ? claim.Governorate : new Sourced<string>(governorate, place.Range),
                    }, lead.Sentence));
                }

                continue;
            }

            claims.Add((claim, lead.Sentence));
        }

        NearerBlame(doc, claims);
        NotClearWho(doc, index, claims);

        // The wounded of the claim just before, told in the next sentence: "Nine were killed. Four more were wounded."
        // (Not on another day: "On Saturday a raid on another hospital had wounded five.")
        for (int c = claims.Count - 1; c > 0; c--)
        {
            var (injuredOnly, sentence) = claims[c];
            var (previous, previousSentence) = claims[c - 1];
            if (injuredOnly.Killed.Total is null && injuredOnly.Injured.Total is not null && previous.Killed.Total is not null
                && previous.Injured.Total is null && sentence == previousSentence + 1
                && (injuredOnly.Date is null || previous.Date is null || injuredOnly.Date.Value.Value == previous.Date.Value.Value)
                && (injuredOnly.Place is null || previous.Place is null || NameKey.Remembered(injuredOnly.Place.Value.Value) == NameKey.Remembered(previous.Place.Value.Value)))
            {
                claims[c - 1] = (previous with { Injured = injuredOnly.Injured }, previousSentence);
                claims.RemoveAt(c);
            }
        }

        // A headline figure that the body gives as a tally ("kills 132" over "132 killed since Saturday") is that tally.
        int headlineEnd = HeadlineEnd(doc);

        // A headline says nobody's name; its source is the one the lead gives ("Russian strikes kill nine" over
        // "..., according to the Syrian Civil Defence").
        var leadSources = claims.Where(c => c.Sentence >= headlineEnd).Select(c => c.Claim.Sources).FirstOrDefault(x => x.Any(y => y.Value != "outlet"));
        if (leadSources is not null)
        {
            for (int c = 0; c < claims.Count; c++)
            {
                if (claims[c].Sentence < headlineEnd && claims[c].Claim.Sources.All(x => x.Value == "outlet"))
                {
                    claims[c] = (claims[c].Claim with { Sources = leadSources }, claims[c].Sentence);
                }
            }
        }

        var tallied = tallies.Select(t => t.Killed).ToHashSet();
        claims.RemoveAll(c => c.Sentence < headlineEnd && c.Claim.Killed.Total is { } total && tallied.Contains(total.Value)
            && !claims.Any(other => other.Sentence >= headlineEnd && other.Claim.Killed.Total?.Value == total.Value));
        return (MergeRestatements(doc, claims), tallies);
    }

    private static readonly WordSet s_notClear = new(["unclear", "not"]);

    private static readonly FrozenSet<string> s_deedWords = Set(
        "carried", "conducted", "launched", "fired", "responsible", "behind", "struck", "bombed", "attacked", "did");

    /// <summary>
    /// What an article says it does not know: "it was not immediately clear who carried out the strikes" makes the claims
    /// of that sentence and the ones before and after it <c>unknown</c>, and those of the same governorate that only had
    /// the lead's word for it (or the statement's own: "... but ISIS has claimed earlier bombings"); "it could not say
    /// whether the raid was Syrian or Russian" makes that sentence's claims both. A perpetrator a claim's own sentence
    /// names stays.
    /// </summary>
    private static void NotClearWho(Document doc, LayerIndex index, List<(Claim Claim, int Sentence)> claims)
    {
        if (claims.Count == 0)
        {
            return;
        }

        int leadEnd = LeadEnd(doc);
        var deeds = s_deedWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (int k = sentence.FirstToken; k + 1 < sentence.EndToken; k++)
            {
                if (!s_notClear.Contains(doc, k))
                {
                    continue;
                }

                // "unclear", "not (immediately) clear", "not known", "could not say", then "who", "which aircraft", "whether".
                int next = doc.Is(k, "unclear") ? k + 1
                    : doc.Is(k, "not") && doc.Is(k + 1, "clear") ? k + 2
                    : doc.Is(k, "not") && doc.Is(k + 1, "immediately") && doc.Is(k + 2, "clear") ? k + 3
                    : doc.Is(k, "not") && (doc.Is(k + 1, "known") || doc.Is(k + 1, "say")) ? k + 2
                    : -1;
                if (next < 0)
                {
                    continue;
                }

                if (doc.Is(next, "who") || doc.Is(next, "which"))
                {
                    bool deed = false;
                    for (int j = next + 1; j < Math.Min(sentence.EndToken, next + 5) && !deed; j++)
                    {
                        deed = deeds.Contains(doc.TokenText(j));
                    }

                    if (deed)
                    {
                        Unknown(doc, claims, s, leadEnd);
                    }
                }
                else if (doc.Is(next, "whether"))
                {
                    var named = index.ActorsIn(next + 1, sentence.EndToken).Select(a => a.Value).Distinct().ToList();
                    if (named.Count > 1)
                    {
                        for (int c = 0; c < claims.Count; c++)
                        {
                            if (claims[c].Sentence == s && !NamedIn(doc, claims[c].Claim, sentence))
                            {
                                claims[c] = (claims[c].Claim with { Perpetrators = [.. named.Select(v => new Sourced<string>(v, null))] }, s);
                            }
                        }
                    }
                }

                break;
            }
        }
    }

    private static bool NamedIn(Document doc, Claim claim, Text.Sentence sentence) =>
        claim.Perpetrators.Any(p => p.Range is { } r && r.Start >= sentence.Range.Start && r.Start < sentence.Range.End);

    private static void Unknown(Document doc, List<(Claim Claim, int Sentence)> claims, int s, int leadEnd)
    {
        var statement = doc.Sentences[s].Range;
        var near = new HashSet<string>();
        for (int c = 0; c < claims.Count; c++)
        {
            var (claim, sentence) = claims[c];
            if (Math.Abs(sentence - s) <= 1 && !NamedIn(doc, claim, doc.Sentences[sentence]))
            {
                if (claim.Governorate is { } g)
                {
                    near.Add(g.Value);
                }

                claims[c] = (claim with { Perpetrators = [new Sourced<string>("unknown", null)] }, sentence);
            }
        }

        for (int c = 0; c < claims.Count; c++)
        {
            var (claim, sentence) = claims[c];
            if (sentence >= 2 && claim.Governorate is { } g && near.Contains(g.Value)
                && claim.Perpetrators.All(p => p.Range is { } r && (r.Start < leadEnd || (r.Start >= statement.Start && r.Start < statement.End))))
            {
                claims[c] = (claim with { Perpetrators = [new Sourced<string>("unknown", null)] }, sentence);
            }
        }
    }

    /// <summary>
    /// The first token of a closing list of links to other stories: "Related News", "Related Coverage", or "Related"
    /// right after a number (a view or share count: "... 91 Related US Mistakes ...") in the last half of the text;
    /// the token count when there is none.
    /// </summary>
    private static int LinkListStart(Document doc)
    {
        for (int k = doc.Tokens.Count / 2; k + 1 < doc.Tokens.Count; k++)
        {
            if (doc.Tokens[k].Kind == TokenKind.Word && doc.Text[doc.Tokens[k].Start] == 'R' && doc.Is(k, "Related")
                && (doc.Is(k + 1, "News") || doc.Is(k + 1, "Coverage") || doc.Is(k + 1, "Articles") || doc.Is(k + 1, "Stories")
                    || (k > 0 && (doc.Tokens[k - 1].Kind == TokenKind.Number || doc.Is(k - 1, ')')))))
            {
                return k;
            }
        }

        return doc.Tokens.Count;
    }

    /// <summary>Where the lead (its first two sentences) ends, in the document's normalized text.</summary>
    private static int LeadEnd(Document doc) => doc.Sentences.Count > 1 ? doc.Sentences[1].Range.End : doc.Text.Length;

    /// <summary>
    /// A claim that took its perpetrators from the lead, when a claim between the lead and it names its own: the nearer
    /// one speaks for it. "Regime and Russian strikes killed nine" in the lead, then "Assad regime kills 4 in airstrikes"
    /// over another incident, then "three of them died in Basqala": the three died in the regime's strikes.
    /// </summary>
    private static void NearerBlame(Document doc, List<(Claim Claim, int Sentence)> claims)
    {
        int leadEnd = LeadEnd(doc);
        bool FromLead(Claim c) => c.Perpetrators.Count > 0 && c.Perpetrators.All(p => p.Range is { } r && r.Start < leadEnd);
        bool OwnNamed(Claim c) => c.Perpetrators.Count > 0 && c.Perpetrators.All(p => p.Range is { } r && r.Start >= leadEnd);
        IReadOnlyList<Sourced<string>>? nearer = null;
        for (int c = 0; c < claims.Count; c++)
        {
            var (claim, sentence) = claims[c];
            if (sentence < 2)
            {
                continue;
            }

            if (OwnNamed(claim))
            {
                nearer = claim.Perpetrators;
            }
            else if (nearer is not null && FromLead(claim))
            {
                claims[c] = (claim with { Perpetrators = nearer }, sentence);
            }
        }
    }
}
