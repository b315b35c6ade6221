using System.Collections.Frozen;
using Tally.Geography;
using Tally.Recognizers;
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
public static class ClaimBuilder
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

    private static readonly FrozenSet<string> s_breakdownLeads = Set("including", "among", "mostly", "mainly", "of");

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
                        Place = new Sourced<string>(doc.RawText(place.Range), place.Range),
                        Governorate = governorate is null ? claim.Governorate : new Sourced<string>(governorate, place.Range),
                    }, lead.Sentence));
                }

                continue;
            }

            claims.Add((claim, lead.Sentence));
        }

        // The wounded of the claim just before, told in the next sentence: "Nine were killed. Four more were wounded."
        for (int c = claims.Count - 1; c > 0; c--)
        {
            var (injuredOnly, sentence) = claims[c];
            var (previous, previousSentence) = claims[c - 1];
            if (injuredOnly.Killed.Total is null && injuredOnly.Injured.Total is not null && previous.Killed.Total is not null
                && previous.Injured.Total is null && sentence == previousSentence + 1
                && (injuredOnly.Place is null || previous.Place is null || NameKey.Of(injuredOnly.Place.Value.Value) == NameKey.Of(previous.Place.Value.Value)))
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

    // ---------------------------------------------------------------- figures

    private static void FindFigures(Document doc, LayerIndex index, int s, List<Figure> figures, HashSet<int> used)
    {
        var sentence = doc.Sentences[s];
        int before = figures.Count;
        var casualties = index.CasualtiesIn(sentence);
        for (int c = 0; c < casualties.Count; c++)
        {
            var cas = casualties[c];
            var kind = cas.Value == "injured" ? FigureKind.Injured : FigureKind.Killed;
            bool toll = cas.Values.Any(v => v.Length > 1 && v[1] == "toll");
            bool active = cas.Values.Any(v => v.Length > 1 && v[1] == "active");
            bool passive = cas.Values.Any(v => v.Length > 1 && v[1] == "passive");

            // "49 fighters were killed and wounded": one figure for both is not a claim.
            if (c + 1 < casualties.Count && casualties[c + 1].Value != cas.Value && casualties[c + 1].FirstToken == cas.EndToken + 1
                && (doc.Is(cas.EndToken, "and") || doc.Is(cas.EndToken, "or")))
            {
                var n = FindBackward(doc, index, sentence, cas.FirstToken, used, out _);
                if (n is not null)
                {
                    used.Add(n.Value.FirstToken);
                }

                c++;
                continue;
            }

            if (IsNegated(doc, cas.FirstToken))
            {
                continue;
            }

            // "Four children were among the dead": a breakdown of the figure before, not a figure.
            if ((doc.Is(cas.FirstToken - 1, "the") && doc.Is(cas.FirstToken - 2, "among")) || (doc.Is(cas.FirstToken, "the") && doc.Is(cas.FirstToken - 1, "among")))
            {
                var target = figures.LastOrDefault(f => f.Kind == FigureKind.Killed);
                int listEnd = doc.Is(cas.FirstToken, "the") ? cas.FirstToken - 1 : cas.FirstToken - 2;
                while (listEnd > sentence.FirstToken && (doc.Is(listEnd - 1, "were") || doc.Is(listEnd - 1, "are") || doc.Is(listEnd - 1, "was")))
                {
                    listEnd--;
                }

                int listStart = listEnd;
                while (listStart > sentence.FirstToken && (index.NumberAt(listStart - 1) is not null || index.VictimAt(listStart - 1) is not null || doc.Is(listStart - 1, "and")))
                {
                    listStart--;
                }

                if (target is not null && listStart < listEnd)
                {
                    ParseBreakdownList(doc, index, target, listStart, listEnd, used);
                }

                foreach (var taken in index.NumbersIn(listStart, listEnd))
                {
                    used.Add(taken.FirstToken);
                }

                continue;
            }

            Figure? figure = null;
            if (toll)
            {
                figure = FindToll(doc, index, sentence, cas, kind, s, used);
            }
            else
            {
                bool passiveFirst = passive && (!active || LooksPassive(doc, index, cas.FirstToken));
                if (passiveFirst)
                {
                    figure = Passive(doc, index, sentence, cas, kind, s, used) ?? (active ? Active(doc, index, sentence, cas, kind, s, used) : null);
                }
                else if (active)
                {
                    figure = Active(doc, index, sentence, cas, kind, s, used) ?? (passive ? Passive(doc, index, sentence, cas, kind, s, used) : null);
                }
            }

            bool forward = active && !LooksPassive(doc, index, cas.FirstToken);
            figure ??= Implied(doc, index, sentence, cas, kind, s, forward) ?? (forward && passive ? Implied(doc, index, sentence, cas, kind, s, false) : null);
            if (figure is null)
            {
                continue;
            }

            if (figure.Number is { } num)
            {
                used.Add(num.FirstToken);
            }

            figures.AddRange(index.Pending);
            index.Pending.Clear();
            figures.Add(figure);
        }

        // Counts that continue a figure without a casualty word of their own: "... and three others in Alteh".
        for (int f = before; f < figures.Count; f++)
        {
            var source = figures[f];
            int next = f + 1 < figures.Count ? figures[f + 1].FirstToken : sentence.EndToken;
            foreach (var n in index.NumbersIn(source.EndToken, next))
            {
                if (used.Contains(n.FirstToken) || n.Value is null || !ContinuesFigure(doc, index, source.EndToken, n))
                {
                    continue;
                }

                used.Add(n.FirstToken);
                var inherited = new Figure
                {
                    Kind = source.Kind, Number = n, Value = n.Value, Qualifier = n.Qualifier, Range = n.Range,
                    FirstToken = n.FirstToken, EndToken = VictimEnd(doc, index, n.EndToken), Victim = VictimAfter(doc, index, n.EndToken),
                    Sentence = s,
                };
                figures.Insert(f + 1, inherited);
                break;
            }
        }

        foreach (var figure in figures.Skip(before))
        {
            FillBreakdown(doc, index, figure, used, sentence);
        }
    }

    private static bool IsNegated(Document doc, int casualty)
    {
        for (int k = casualty - 1; k >= Math.Max(0, casualty - 3); k--)
        {
            if (doc.Is(k, "not") || doc.Is(k, "no") || doc.Is(k, "nobody") || doc.Is(k, "never") || doc.Is(k, "n't"))
            {
                return true;
            }
        }

        return doc.Is(casualty - 1, "to") && (doc.Is(casualty - 2, "threatened") || doc.Is(casualty - 2, "vowed") || doc.Is(casualty - 2, "tried") || doc.Is(casualty - 2, "trying"));
    }

    private static bool LooksPassive(Document doc, LayerIndex index, int casualty)
    {
        int k = casualty - 1;
        while (k >= 0 && (doc.Is(k, "reportedly") || doc.Is(k, "also") || doc.Is(k, "all") || doc.Is(k, "later") || doc.Is(k, "been") || doc.Is(k, "being")))
        {
            k--;
        }

        if (k < 0)
        {
            return false;
        }

        return doc.Is(k, "were") || doc.Is(k, "was") || doc.Is(k, "are") || doc.Is(k, "is") || doc.Is(k, "be") || doc.Is(k, "got")
            || doc.Is(k, "been") || doc.Is(casualty - 1, "been") || index.NumberAt(k) is not null || index.VictimAt(k) is not null;
    }

    private static Figure? Passive(Document doc, LayerIndex index, Sentence sentence, LexiconMention cas, FigureKind kind, int s, HashSet<int> used)
    {
        var n = FindBackward(doc, index, sentence, cas.FirstToken, used, out var skippedBreakdown);
        if (n is not { } number || !IsPersonCount(doc, index, number))
        {
            return null;
        }

        // "At least 20 people including 13 civilians were killed": the count before "including" is the total.
        for (int k = number.FirstToken - 1; k >= Math.Max(sentence.FirstToken, number.FirstToken - 8); k--)
        {
            if (!doc.Is(k, "including") && !(doc.Is(k, "them") && doc.Is(k - 1, "among")))
            {
                if (index.VictimAt(k) is not null || index.NumberAt(k) is not null || doc.Is(k, "and") || doc.Is(k, ',')
                    || doc.Is(k, "a") || doc.Is(k, "an") || doc.Is(k, "his") || doc.Is(k, "her") || doc.Is(k, "their"))
                {
                    continue;
                }

                break;
            }

            var total = FindBackward(doc, index, sentence, doc.Is(k, "them") ? k - 1 : k, used, out _);
            if (total is { Value: not null } t && IsPersonCount(doc, index, t))
            {
                skippedBreakdown = (k + 1, cas.FirstToken);
                number = t;
            }

            break;
        }

        // "Ten children and five women have been killed": the count is the whole list.
        int listStart = number.FirstToken;
        while (doc.Is(listStart - 1, "and") || doc.Is(listStart - 1, ','))
        {
            // "... and", with a count and its noun before it, perhaps an adjective or a side between: "30 regime soldiers and".
            if (index.VictimAt(listStart - 2) is { } v && CountBefore(doc, index, v.FirstToken) is { Value: not null } before
                && !used.Contains(before.FirstToken))
            {
                listStart = before.FirstToken;
                continue;
            }

            break;
        }

        if (listStart < number.FirstToken)
        {
            var counts = new Dictionary<string, (long Value, CharRange Range)>();
            int listEnd = ParseVictimList(doc, index, listStart, cas.FirstToken, counts, out long sum);
            if (listEnd > number.FirstToken && sum > 0 && counts.Count == 1 && counts.ContainsKey("fighter"))
            {
                // "30 regime soldiers and 39 rebel fighters were killed": the sides are claims of their own.
                return SplitSides(doc, index, sentence, cas, kind, s, used, listStart, listEnd);
            }

            if (listEnd > number.FirstToken && sum > 0)
            {
                foreach (var listed0 in index.NumbersIn(listStart, listEnd))
                {
                    used.Add(listed0.FirstToken);
                }

                var listed = new Figure
                {
                    Kind = kind, Number = number, Value = sum, Qualifier = number.Qualifier, Range = doc.RangeOf(listStart, listEnd),
                    FirstToken = listStart, EndToken = cas.EndToken, Casualty = cas, Sentence = s,
                };
                foreach (var (category, value) in counts)
                {
                    if (category is not ("person" or "man"))
                    {
                        listed.Breakdown[category] = value;
                    }
                }

                return listed;
            }
        }

        var figure = new Figure
        {
            Kind = kind, Number = number, Value = number.Value, Qualifier = number.Qualifier, Vague = number.Vague,
            Range = number.Range, FirstToken = number.FirstToken, EndToken = cas.EndToken, Casualty = cas,
            Victim = VictimAfter(doc, index, number.EndToken), Sentence = s,
        };
        AddVictimSide(doc, index, figure, number.EndToken, cas.FirstToken);
        if (skippedBreakdown is { } range)
        {
            ParseBreakdownList(doc, index, figure, range.Start, range.End, used);
        }

        return figure;
    }

    /// <summary>The count before a victim noun, over a side and an adjective: "30 regime soldiers", "45 Islamic State militants".</summary>
    private static NumberMention? CountBefore(Document doc, LayerIndex index, int noun)
    {
        int k = noun - 1;
        if (index.NumberAt(k) is { } direct)
        {
            return direct;
        }

        if (index.ActorAt(k) is { } side)
        {
            k = side.FirstToken - 1;
        }
        else if (k >= 0 && doc.Tokens[k].Kind == TokenKind.Word)
        {
            k--;
        }

        if (index.ActorAt(k) is { } outer && index.NumberAt(k) is null)
        {
            k = outer.FirstToken - 1;
        }

        return index.NumberAt(k);
    }

    /// <summary>Figures of fighters of several sides killed together: one figure each, the last one returned, the others queued.</summary>
    private static Figure? SplitSides(Document doc, LayerIndex index, Sentence sentence, LexiconMention cas, FigureKind kind, int s, HashSet<int> used, int from, int to)
    {
        Figure? last = null;
        foreach (var n in index.NumbersIn(from, to).ToList())
        {
            if (n.Value is null || used.Contains(n.FirstToken))
            {
                continue;
            }

            used.Add(n.FirstToken);
            var victim = VictimAfter(doc, index, n.EndToken);
            var figure = new Figure
            {
                Kind = kind, Number = n, Value = n.Value, Qualifier = n.Qualifier, Range = n.Range, FirstToken = n.FirstToken,
                EndToken = victim?.EndToken ?? n.EndToken, Casualty = cas, Victim = victim, Sentence = s,
            };
            AddVictimSide(doc, index, figure, n.EndToken, figure.EndToken);
            if (last is not null)
            {
                index.Pending.Add(last);
            }

            last = figure;
        }

        return last;
    }

    /// <summary>The nearest unused number before <paramref name="casualty"/> with only allowed words between.</summary>
    private static NumberMention? FindBackward(Document doc, LayerIndex index, Sentence sentence, int casualty, HashSet<int> used, out (int Start, int End)? breakdown)
    {
        breakdown = null;
        int k = casualty - 1;
        int gap = 0;
        while (k >= sentence.FirstToken && gap <= BackwardWindow)
        {
            if (index.NumberAt(k) is { } n)
            {
                return used.Contains(n.FirstToken) || n.Value is null && n.Vague is null ? null : n;
            }

            // A parenthetical breakdown between the count and its verb: "Five of the victims, including four women, died".
            if (doc.Is(k, ','))
            {
                int open = k - 1;
                while (open > sentence.FirstToken && !doc.Is(open, ',') && k - open < 12)
                {
                    open--;
                }

                if (doc.Is(open, ',') && s_breakdownLeads.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(open + 1)))
                {
                    int listStart = open + 2;
                    while (listStart < k && (doc.Is(listStart, "them") || doc.Is(listStart, "whom") || doc.Is(listStart, "the")))
                    {
                        listStart++;
                    }

                    breakdown = (listStart, k);
                    k = open - 1;
                    continue;
                }

                return null;
            }

            // Allowed between a count and its verb: victim nouns, actors ("IS group militants", "(IS)"), auxiliaries,
            // and one adjective right before a victim noun ("Three Tunisian terrorists").
            bool adjective = doc.Tokens[k].Kind == TokenKind.Word && index.VictimAt(k + 1) is not null;
            if (index.VictimAt(k) is null && index.ActorAt(k) is null && !adjective && !s_auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k))
                && !(doc.Is(k, '-') && !doc.Tokens[k].HasSpaceBefore) && !doc.Is(k, '(') && !doc.Is(k, ')') && !doc.Is(k, "group") && !doc.Is(k, "groups"))
            {
                return null;
            }

            k--;
            gap++;
        }

        return null;
    }

    private static Figure? Active(Document doc, LayerIndex index, Sentence sentence, LexiconMention cas, FigureKind kind, int s, HashSet<int> used)
    {
        int k = cas.EndToken;
        int limit = Math.Min(sentence.EndToken, cas.EndToken + ForwardWindow);
        while (k < limit)
        {
            if (index.NumberAt(k) is { } n)
            {
                if (used.Contains(n.FirstToken) || (n.Value is null && n.Vague is null) || !IsPersonCount(doc, index, n))
                {
                    return null;
                }

                // "claimed 49 fighters were killed": the count is the subject of its own clause, not this verb's object.
                int after = VictimEnd(doc, index, n.EndToken);
                if (doc.Is(after, "were") || doc.Is(after, "was") || doc.Is(after, "had") || doc.Is(after, "have") || doc.Is(after, "are"))
                {
                    return null;
                }

                // "killing six civilians and five militiamen", "killed two women and their seven children": the whole list.
                var counts = new Dictionary<string, (long Value, CharRange Range)>();
                long sum = 0;
                int listEnd = n.Value is null ? n.EndToken : ParseVictimList(doc, index, n.FirstToken, Math.Min(sentence.EndToken, n.FirstToken + 14), counts, out sum);
                if (listEnd > n.EndToken + 1 && index.NumbersIn(n.EndToken, listEnd).Any())
                {
                    if (counts.Count == 1 && counts.ContainsKey("fighter"))
                    {
                        return SplitSides(doc, index, sentence, cas, kind, s, used, n.FirstToken, listEnd);
                    }

                    foreach (var taken in index.NumbersIn(n.EndToken, listEnd))
                    {
                        used.Add(taken.FirstToken);
                    }

                    var listed = new Figure
                    {
                        Kind = kind, Number = n, Value = sum, Qualifier = n.Qualifier, Range = doc.RangeOf(n.FirstToken, listEnd),
                        FirstToken = cas.FirstToken, EndToken = listEnd, Casualty = cas, Sentence = s,
                    };
                    foreach (var (category, value) in counts)
                    {
                        if (category is not ("person" or "man"))
                        {
                            listed.Breakdown[category] = value;
                        }
                    }

                    return listed;
                }

                var figure = new Figure
                {
                    Kind = kind, Number = n, Value = n.Value, Qualifier = n.Qualifier, Vague = n.Vague, Range = n.Range,
                    FirstToken = cas.FirstToken, EndToken = VictimEnd(doc, index, n.EndToken), Casualty = cas,
                    Victim = VictimAfter(doc, index, n.EndToken), Sentence = s,
                };
                AddVictimSide(doc, index, figure, n.EndToken, figure.EndToken);
                return figure;
            }

            if (!s_activeGap.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k)))
            {
                return null;
            }

            k++;
        }

        return null;
    }

    private static Figure? FindToll(Document doc, LayerIndex index, Sentence sentence, LexiconMention cas, FigureKind kind, int s, HashSet<int> used)
    {
        int limit = Math.Min(sentence.EndToken, cas.EndToken + 12);
        for (int k = cas.EndToken; k < limit; k++)
        {
            if (index.NumberAt(k) is { } n)
            {
                if (used.Contains(n.FirstToken) || n.Value is null)
                {
                    return null;
                }

                return new Figure
                {
                    Kind = kind, Number = n, Value = n.Value, Qualifier = n.Qualifier, Range = n.Range, FirstToken = cas.FirstToken,
                    EndToken = n.EndToken, Casualty = cas, Sentence = s,
                };
            }

            if (index.CasualtyAt(k) is not null || doc.Is(k, '.') || doc.Is(k, ';'))
            {
                return null;
            }
        }

        // "16 dead" read as a toll noun before its number: "the toll of 16" is covered above; "a toll that could rise" is a qualifier.
        return null;
    }

    /// <summary>A count the article implies without a number: "a woman and her child", "a father and his two daughters", "a child".</summary>
    private static Figure? Implied(Document doc, LayerIndex index, Sentence sentence, LexiconMention cas, FigureKind kind, int s, bool forward)
    {
        int start;
        if (forward)
        {
            start = cas.EndToken;
        }
        else
        {
            // Walk back over auxiliaries to the victim phrase's end.
            int k = cas.FirstToken - 1;
            while (k >= sentence.FirstToken && (doc.Is(k, "were") || doc.Is(k, "was") || doc.Is(k, "been") || doc.Is(k, "have") || doc.Is(k, "has") || doc.Is(k, "had") || doc.Is(k, "reportedly")))
            {
                k--;
            }

            // Back to the start of "a woman and her child", "a child and a woman": the earliest article from which
            // the list runs up to the verb.
            start = -1;
            for (int j = k; j >= Math.Max(sentence.FirstToken, k - 10) && !doc.Is(j, ','); j--)
            {
                if (IsArticleOne(doc, j))
                {
                    int listEnd = ParseVictimList(doc, index, j, cas.FirstToken, [], out _);
                    if (listEnd > j && AuxiliariesOnly(doc, listEnd, cas.FirstToken))
                    {
                        start = j;
                    }
                }
            }

            if (start < 0)
            {
                return null;
            }
        }

        if (!IsArticleOne(doc, start))
        {
            return null;
        }

        var counts = new Dictionary<string, (long Value, CharRange Range)>();
        int end = ParseVictimList(doc, index, start, Math.Min(sentence.EndToken, start + 12), counts, out long total);
        // Backward, the victims must stand before the casualty word ("a woman and her child were killed"), not around it
        // ("an injured girl" describes her; it does not count her).
        if (end <= start || total <= 0 || (!forward && (end > cas.FirstToken || !AuxiliariesOnly(doc, end, cas.FirstToken))))
        {
            return null;
        }

        var figure = new Figure
        {
            Kind = kind, Value = total, Qualifier = Qualifier.Exact, Range = doc.RangeOf(start, end),
            FirstToken = Math.Min(start, cas.FirstToken), EndToken = Math.Max(end, cas.EndToken), Casualty = cas, Sentence = s,
        };
        if (counts.Count > 1 || counts.Keys.Any(k => k != "person" && k != "man"))
        {
            foreach (var (category, value) in counts)
            {
                figure.Breakdown[category] = value;
            }
        }

        return figure;
    }

    /// <summary>Whether only auxiliaries and adverbs stand between: "were", "had been", "critically", "reportedly".</summary>
    private static bool AuxiliariesOnly(Document doc, int from, int to)
    {
        var auxiliaries = s_auxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = from; k < to; k++)
        {
            var word = doc.TokenText(k);
            if (!auxiliaries.Contains(word) && !(word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsArticleOne(Document doc, int k) => doc.Is(k, "a") || doc.Is(k, "an") || doc.Is(k, "another");

    /// <summary>
    /// Reads "a woman and her child", "three children and two women", "a father and his two daughters" from
    /// <paramref name="start"/>; returns the end and fills counts per category.
    /// </summary>
    private static int ParseVictimList(Document doc, LayerIndex index, int start, int limit, Dictionary<string, (long Value, CharRange Range)> counts, out long total)
    {
        total = 0;
        int k = start;
        int end = start;
        while (k < limit)
        {
            long value;
            int itemStart = k;
            if (index.NumberAt(k) is { Value: { } v } n)
            {
                value = v;
                k = n.EndToken;
            }
            else if (IsArticleOne(doc, k) || doc.Is(k, "his") || doc.Is(k, "her") || doc.Is(k, "their") || doc.Is(k, "one"))
            {
                value = 1;
                k++;
                if ((doc.Is(k - 1, "his") || doc.Is(k - 1, "her") || doc.Is(k - 1, "their")) && index.NumberAt(k) is { Value: { } v2 } n2)
                {
                    value = v2;
                    k = n2.EndToken;
                }
            }
            else
            {
                break;
            }

            // Skip the side ("45 Islamic State militants", "20 Kurdish militia fighters") and one adjective ("a young girl").
            if (k < limit && index.VictimAt(k) is null && index.ActorAt(k) is { } side && side.FirstToken == k
                && (index.VictimAt(side.EndToken) is not null || index.VictimAt(side.EndToken + 1) is not null))
            {
                k = side.EndToken;
            }

            if (k < limit && index.VictimAt(k) is null && doc.Tokens[k].Kind == TokenKind.Word && char.IsLower(doc.Text[doc.Tokens[k].Start])
                && index.VictimAt(k + 1) is not null)
            {
                k++;
            }

            if (index.VictimAt(k) is not { } victim)
            {
                break;
            }

            k = victim.EndToken;
            var category = victim.Value;
            var range = doc.RangeOf(itemStart, k);
            counts[category] = counts.TryGetValue(category, out var existing) ? (existing.Value + value, existing.Range.Union(range)) : (value, range);
            total += value;
            end = k;
            if (doc.Is(k, "and") || (doc.Is(k, ',') && !doc.Is(k + 1, "including")))
            {
                k++;
                continue;
            }

            break;
        }

        return end;
    }

    private static bool ContinuesFigure(Document doc, LayerIndex index, int from, NumberMention n)
    {
        // A joining word just before, and a victim noun or a place preposition just after.
        bool joined = doc.Is(n.FirstToken - 1, "and") || doc.Is(n.FirstToken - 1, ",") || doc.Is(n.FirstToken - 1, "while")
            || doc.Is(n.FirstToken - 1, ":") || ((doc.Is(n.FirstToken - 1, "the") || doc.Is(n.FirstToken - 1, "another")) && doc.Is(n.FirstToken - 2, "and"));
        if (!joined)
        {
            return false;
        }

        for (int k = from; k < n.FirstToken; k++)
        {
            if (index.CasualtyAt(k) is not null)
            {
                return false;
            }
        }

        int after = n.EndToken;
        if (index.CasualtyAt(after) is not null)
        {
            return false; // it has its own word, handled as a figure of its own
        }

        return doc.Is(after, "others") || doc.Is(after, "more") || doc.Is(after, "in") || doc.Is(after, "on") || doc.Is(after, "at")
            || doc.Is(after, "near") || (index.VictimAt(after) is not null && (doc.Is(index.VictimAt(after)!.Value.EndToken, "in") || doc.Is(index.VictimAt(after)!.Value.EndToken, "on")));
    }

    /// <summary>Whether the number counts people: not followed by a noun for things ("18 trucks", "26 airstrikes").</summary>
    private static bool IsPersonCount(Document doc, LayerIndex index, NumberMention n)
    {
        int k = n.EndToken;
        if (k >= doc.Tokens.Count)
        {
            return true;
        }

        // Skip an actor or adjective before the noun: "50 opposition fighters", "two Syrian soldiers".
        int guard = 0;
        while (guard++ < 3 && index.VictimAt(k) is null && (index.ActorAt(k) is { } a))
        {
            k = a.EndToken;
        }

        if (k >= doc.Tokens.Count || index.VictimAt(k) is not null || index.CasualtyAt(k) is not null)
        {
            return true;
        }

        var t = doc.Tokens[k];
        if (t.Kind != TokenKind.Word)
        {
            return true;
        }

        var word = doc.TokenText(k);
        if (s_functionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return true;
        }

        // Another word: a count of things when it looks like a plural noun, or an adjective before one.
        if (word.Length > 3 && word[^1] == 's' && char.IsLower(word[0]))
        {
            return false;
        }

        if (char.IsLower(word[0]) && k + 1 < doc.Tokens.Count && index.VictimAt(k + 1) is null && doc.Tokens[k + 1].Kind == TokenKind.Word
            && doc.TokenText(k + 1) is var w2 && w2.Length > 3 && w2[^1] == 's' && char.IsLower(w2[0]) && !s_functionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(w2))
        {
            return false;
        }

        return true;
    }

    private static LexiconMention? VictimAfter(Document doc, LayerIndex index, int k)
    {
        for (int guard = 0; guard < 3 && k < doc.Tokens.Count; guard++)
        {
            if (index.VictimAt(k) is { } v)
            {
                return v;
            }

            if (index.ActorAt(k) is { } a)
            {
                // An actor phrase may end in the victim noun: "opposition fighters".
                for (int j = k + 1; j < a.EndToken; j++)
                {
                    if (index.VictimAt(j) is { } inside)
                    {
                        return inside;
                    }
                }

                k = a.EndToken;
                continue;
            }

            if (doc.Tokens[k].Kind == TokenKind.Word && char.IsLower(doc.Text[doc.Tokens[k].Start]) && !s_functionWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k)))
            {
                k++;
                continue;
            }

            return null;
        }

        return null;
    }

    private static int VictimEnd(Document doc, LayerIndex index, int k) => VictimAfter(doc, index, k) is { } v ? v.EndToken : k;

    private static void AddVictimSide(Document doc, LayerIndex index, Figure figure, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (index.ActorAt(k) is { } a && a.FirstToken == k && figure.Victim is { } v && a.FirstToken <= v.FirstToken)
            {
                figure.VictimSide.Add(a.Value);
            }
        }

        // "30 terrorists from ISIL", "ten members of the Nusra Front"
        if (figure.Victim is { } victim)
        {
            int k = victim.EndToken;
            if (doc.Is(k, "from") || doc.Is(k, "of"))
            {
                k++;
                if (doc.Is(k, "the"))
                {
                    k++;
                }

                if (index.ActorAt(k) is { } side && side.FirstToken == k)
                {
                    figure.VictimSide.Add(side.Value);
                    index.VictimSideActors.Add(k);
                }
            }
        }
    }

    // ---------------------------------------------------------------- breakdowns

    private static void FillBreakdown(Document doc, LayerIndex index, Figure figure, HashSet<int> used, Sentence sentence)
    {
        if (figure.Victim is { } victim && figure.Value is { } value && victim.Value is not ("person" or "man"))
        {
            figure.Breakdown.TryAdd(victim.Value, (value, figure.Range.Union(victim.Range)));
        }

        // "..., including three children and two women", "among them two children", "four of them children".
        int k = figure.EndToken;
        int limit = Math.Min(sentence.EndToken, k + 14);
        for (; k < limit; k++)
        {
            if (index.CasualtyAt(k) is not null && k > figure.EndToken)
            {
                return;
            }

            if (doc.Is(k, "including") || (doc.Is(k, "among") && (doc.Is(k + 1, "them") || doc.Is(k + 1, "whom") || doc.Is(k + 1, "the"))))
            {
                int start = doc.Is(k, "including") ? k + 1 : doc.Is(k + 1, "the") ? k + 3 : k + 2;
                ParseBreakdownList(doc, index, figure, start, Math.Min(sentence.EndToken, start + 12), used);
                return;
            }

            if (index.NumberAt(k) is { } n && doc.Is(n.EndToken, "of") && doc.Is(n.EndToken + 1, "them") && index.VictimAt(n.EndToken + 2) is { } cat)
            {
                used.Add(n.FirstToken);
                if (n.Value is { } v)
                {
                    figure.Breakdown[cat.Value] = (v, doc.RangeOf(n.FirstToken, cat.EndToken));
                }

                return;
            }
        }
    }

    private static void ParseBreakdownList(Document doc, LayerIndex index, Figure figure, int start, int limit, HashSet<int> used)
    {
        var counts = new Dictionary<string, (long Value, CharRange Range)>();
        int end = ParseVictimList(doc, index, start, limit, counts, out _);
        if (end <= start)
        {
            return;
        }

        foreach (var n in index.NumbersIn(start, end))
        {
            used.Add(n.FirstToken);
        }

        foreach (var (category, value) in counts)
        {
            if (category is "person" or "man" || (figure.Value is { } total && value.Value > total))
            {
                continue;
            }

            figure.Breakdown[category] = value;
        }
    }

    /// <summary>"Among the dead were 20 children and nine women": a breakdown of the last figure before the sentence.</summary>
    private static void ApplyLaterBreakdowns(Document doc, LayerIndex index, List<Figure> figures, HashSet<int> used)
    {
        for (int s = 1; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            int k = sentence.FirstToken;
            if (!(doc.Is(k, "among") && doc.Is(k + 1, "the") && (doc.Is(k + 2, "dead") || doc.Is(k + 2, "victims") || doc.Is(k + 2, "killed"))))
            {
                continue;
            }

            var target = figures.LastOrDefault(f => f.Kind == FigureKind.Killed && f.Sentence < s);
            int start = k + 3;
            if (doc.Is(start, "were") || doc.Is(start, "are"))
            {
                start++;
            }

            // The numbers of a later breakdown are not figures of their own.
            figures.RemoveAll(f => f.Sentence == s && f.Number is { } n && n.FirstToken >= start);
            if (target is null)
            {
                continue;
            }

            ParseBreakdownList(doc, index, target, start, sentence.EndToken, used);
        }
    }

    // ---------------------------------------------------------------- tallies

    private static (string Text, CharRange Range)? TallyScope(Document doc, LayerIndex index, Figure figure)
    {
        var sentence = doc.Sentences[figure.Sentence];
        var (from, to) = ClauseOf(doc, index, figure);
        var published = doc.Published;

        // "since late April", "since the start of the war", "since 2011" (but "since Saturday" reported on Monday is three days).
        for (int k = from; k < to; k++)
        {
            if (doc.Is(k, "since"))
            {
                var date = index.DateStartingAt(k + 1) ?? index.DateStartingAt(k + 2) ?? index.DateStartingAt(k + 3);
                if (date is { } d && d.From is { } start && published is { } pub && pub.DayNumber - start.DayNumber <= 2)
                {
                    continue;
                }

                int end = date is { } dm ? dm.EndToken : Math.Min(to, k + 6);
                return (doc.RawText(doc.RangeOf(k, end)), figure.Range.Union(doc.RangeOf(k, end)));
            }

            if (index.DateAt(k) is { Expression: DateExpression.Duration or DateExpression.Period } period
                && (period.Precision is DatePrecision.Month or DatePrecision.Year || (period.From is { } a && period.To is { } b && b.DayNumber - a.DayNumber > 2 && period.Expression == DateExpression.Duration)))
            {
                return (doc.RawText(period.Range), figure.Range.Union(period.Range));
            }

            if (s_tallyWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k))
                && (doc.Is(k, "so") ? doc.Is(k + 1, "far") : doc.Is(k, "date") ? doc.Is(k - 1, "to") : doc.Is(k, "total") ? doc.Is(k - 1, "in") : true))
            {
                int start = doc.Is(k, "date") || doc.Is(k, "total") ? k - 1 : k;
                int end = doc.Is(k, "so") ? k + 2 : k + 1;
                return (doc.RawText(doc.RangeOf(start, end)), figure.Range.Union(doc.RangeOf(start, end)));
            }

            // "seven days of air strikes", "two weeks of fighting": longer than three days.
            if ((doc.Is(k, "days") || doc.Is(k, "weeks") || doc.Is(k, "months")) && doc.Is(k + 1, "of") && SmallCount(doc, k - 1) is { } span
                && (span > 3 || !doc.Is(k, "days")))
            {
                return (doc.RawText(doc.RangeOf(k - 1, k + 1)), figure.Range);
            }

            // "in eight years of war", "the war has killed"
            if (doc.Is(k, "years") && doc.Is(k + 1, "of"))
            {
                return (doc.RawText(doc.RangeOf(Math.Max(from, k - 1), Math.Min(sentence.EndToken, k + 3))), figure.Range);
            }
        }

        if (figure.Value >= TallyThreshold)
        {
            return ("the conflict", figure.Range);
        }

        // A cumulative figure that continues the sentence before it: "... since July 31. The strikes have killed 122
        // civilians, he said." or "The toll includes 126 people killed by shelling."
        bool perfect = false;
        for (int k = sentence.FirstToken; k < figure.EndToken; k++)
        {
            perfect |= (doc.Is(k, "have") || doc.Is(k, "has")) && (index.CasualtyAt(k + 1) is not null || doc.Is(k + 1, "been") || doc.Is(k + 1, "also"));
            perfect |= doc.Is(k, "toll") && (doc.Is(k + 1, "includes") || doc.Is(k + 1, "included"));
        }

        bool dated = index.DatesIn(sentence.FirstToken, sentence.EndToken).Any(d => d.Precision == DatePrecision.Day);

        if (perfect && !dated && figure.Sentence > 0)
        {
            // The sentence before was itself a tally: this one goes on with it ("Another 327 have been killed...").
            if (index.TallyScopes.TryGetValue(figure.Sentence - 1, out var before))
            {
                return (before.Text, figure.Range);
            }

            var previous = doc.Sentences[figure.Sentence - 1];
            for (int k = previous.FirstToken; k < previous.EndToken; k++)
            {
                if (doc.Is(k, "since") && index.DatesIn(k + 1, Math.Min(previous.EndToken, k + 25)).FirstOrDefault() is { EndToken: > 0 } d
                    && (published is not { } pub || d.From is not { } start || pub.DayNumber - start.DayNumber > 2))
                {
                    return (doc.RawText(doc.RangeOf(k, d.EndToken)), figure.Range);
                }
            }
        }

        // A hundred or more "have been killed", with no day named: a toll over time ("At least 327 people have also been
        // killed in clashes in the neighbouring province").
        if (perfect && !dated && figure.Value >= 100 && !index.CasualtiesIn(sentence).Any(c => c.Values.Any(v => v.Length > 1 && v[1] == "toll")))
        {
            return ("cumulative, no date given", figure.Range);
        }

        return null;
    }

    private static readonly FrozenDictionary<string, int> s_smallCounts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["several"] = 4, ["few"] = 3,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>A small count written in digits or words ("seven days"), which the number recognizer leaves out before units.</summary>
    private static int? SmallCount(Document doc, int k)
    {
        if (k < 0 || k >= doc.Tokens.Count)
        {
            return null;
        }

        var text = doc.TokenText(k);
        if (doc.Tokens[k].Kind == TokenKind.Number && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n))
        {
            return n;
        }

        return s_smallCounts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out int w) ? w : null;
    }

    // ---------------------------------------------------------------- claims

    private static Claim MakeClaim(Document doc, LayerIndex index, Figure? killed, Figure? injured, Figure lead)
    {
        var sentence = doc.Sentences[lead.Sentence];
        int claimStart = Math.Min(killed?.FirstToken ?? int.MaxValue, injured?.FirstToken ?? int.MaxValue);
        int claimEnd = Math.Max(killed?.EndToken ?? 0, injured?.EndToken ?? 0);
        var (clauseFrom, clauseTo) = ClauseOf(doc, index, lead, claimEnd);

        // Windows to look in, nearest first: after the figure in its clause, before it, the sentence, the sentences before, the lead.
        var windows = new List<(int From, int To)>
        {
            (claimEnd, clauseTo),
            (clauseFrom, claimStart),
            (sentence.FirstToken, sentence.EndToken),
        };
        for (int back = 1; back <= 2 && lead.Sentence - back >= 0; back++)
        {
            var previous = doc.Sentences[lead.Sentence - back];
            if (previous.Paragraph == sentence.Paragraph || back == 1)
            {
                windows.Add((previous.FirstToken, previous.EndToken));
            }
        }

        var leadSentences = doc.Sentences.Take(2).Where(x => x.FirstToken != sentence.FirstToken).Select(x => (x.FirstToken, x.EndToken));
        var contextWindows = windows.Concat(leadSentences).ToList();

        // Other figures of the sentence have their own places: the sentence as a whole speaks for a figure only when it is alone.
        bool alone = index.FiguresIn(lead.Sentence).All(f => f == killed || f == injured);
        var placeWindows = alone ? windows : [windows[0], windows[1], (0, 0), .. windows.Skip(3)];
        var (place, governorate) = FindPlace(doc, index, placeWindows, contextWindows);
        var (date, precision) = FindDate(doc, index, windows, contextWindows, lead);

        // A past attack known by its date, with no place in its sentence ("an August 21 gas attack killed more than 1400"):
        // the spec gives it no governorate rather than the article's.
        if (place is null && governorate is not null && !index.PlacesIn(sentence.FirstToken, sentence.EndToken).Any(p => !p.IsForeign)
            && date is { Range: { } dateRange } && dateRange.Start >= sentence.Range.Start && dateRange.Start < sentence.Range.End && doc.Published is { } published
            && Math.Abs(published.DayNumber - date.Value.Value.DayNumber) > 7)
        {
            governorate = null;
        }
        var attack = FindAttack(doc, index, windows, contextWindows, lead);
        var perpetrators = FindPerpetrators(doc, index, contextWindows, lead);
        var sources = FindSources(doc, index, lead);

        return new Claim
        {
            Date = date,
            DatePrecision = precision,
            Place = place,
            Governorate = governorate,
            Perpetrators = perpetrators,
            Attack = attack,
            Killed = killed is null ? Counts.None : CountsOf(killed),
            Injured = injured is null ? Counts.None : CountsOf(injured),
            Sources = sources,
            Evidence = EvidenceOf(doc, sentence, claimStart, claimEnd),
        };
    }

    /// <summary>The places after "in each of" that follows the figure, if it says so.</summary>
    private static List<PlaceMention> EachOfPlaces(Document doc, LayerIndex index, Figure figure)
    {
        var sentence = doc.Sentences[figure.Sentence];
        for (int k = figure.EndToken; k < Math.Min(sentence.EndToken, figure.EndToken + 3); k++)
        {
            if (doc.Is(k, "each") && doc.Is(k + 1, "of"))
            {
                return index.PlacesIn(k + 2, sentence.EndToken).Where(p => !p.IsForeign && !p.IsArea).ToList();
            }
        }

        return [];
    }

    private static Counts CountsOf(Figure f)
    {
        Sourced<long>? Part(string category) => f.Breakdown.TryGetValue(category, out var v) ? new Sourced<long>(v.Value, v.Range) : null;
        return new Counts
        {
            Total = f.Value is { } v ? new Sourced<long>(v, f.Range) : null,
            Civilians = Part("civilian"),
            Children = Part("child"),
            Women = Part("woman"),
            Fighters = Part("fighter"),
            Qualifier = f.Qualifier,
            Vague = f.Vague,
        };
    }

    /// <summary>The clause around a figure: from the previous figure (or the sentence start) to the next one (or the sentence end).</summary>
    private static (int From, int To) ClauseOf(Document doc, LayerIndex index, Figure figure, int end = -1)
    {
        var sentence = doc.Sentences[figure.Sentence];
        int from = sentence.FirstToken, to = sentence.EndToken;
        foreach (var other in index.FiguresIn(figure.Sentence))
        {
            if (other.EndToken <= figure.FirstToken && other.EndToken > from)
            {
                from = other.EndToken;
            }

            if (other.FirstToken >= Math.Max(end, figure.EndToken) && other.FirstToken < to)
            {
                to = other.FirstToken;
            }
        }

        return (from, to);
    }

    private static CharRange EvidenceOf(Document doc, Sentence sentence, int first, int end)
    {
        var range = sentence.Range;
        if (doc.ToRaw(range).Length <= Formats.ClaimsWriter.MaxEvidence)
        {
            return range;
        }

        // A long sentence: the figure with what comes around it, within the limit.
        int start = doc.Tokens[first].Start;
        int stop = doc.Tokens[Math.Max(first, end - 1)].End;
        int from = Math.Max(range.Start, start - 100);
        int to = Math.Min(range.End, Math.Max(stop, from + Formats.ClaimsWriter.MaxEvidence - 10));
        while (from > range.Start && !char.IsWhiteSpace(doc.Text[from - 1]))
        {
            from++;
        }

        return new CharRange(from, Math.Max(from, to));
    }

    private static (Sourced<string>? Place, Sourced<string>? Governorate) FindPlace(Document doc, LayerIndex index, List<(int From, int To)> windows, List<(int From, int To)> context)
    {
        // The most specific place in the clause, then the sentence; a place the attack came from ("fired from Idlib into
        // Latakia") only when no other is named.
        for (int w = 0; w < Math.Min(3, windows.Count); w++)
        {
            var (from, to) = windows[w];
            var inWindow = index.PlacesIn(from, to).Where(p => !IsOrigin(doc, p)).Concat(index.PlacesIn(from, to).Where(p => IsOrigin(doc, p)));
            foreach (var p in inWindow)
            {

                if (p.IsForeign)
                {
                    // An incident abroad: "rockets hit the border city of Kilis". The spec gives it no governorate.
                    if (w == 0 && (doc.Is(p.FirstToken - 1, "of") && doc.Is(p.FirstToken - 2, "city") || doc.Is(p.FirstToken - 1, "hit")))
                    {
                        return (new Sourced<string>(doc.RawText(p.Range), p.Range), null);
                    }

                    continue;
                }

                var gov = GovernorateOf(doc, p, context, index);
                var written = new Sourced<string>(doc.RawText(p.Range), p.Range);
                Sourced<string>? governorate = gov is null ? null : new Sourced<string>(gov, p.Range);
                // A governorate named as such ("Rural Damascus", "near Damascus" read as Rif Dimashq) is an area too.
                bool governorateOnly = p.Resolved is { Kind: PlaceKind.Governorate } unit
                    && (unit.Governorate == "Damascus" || NameKey.Of(written.Value) != NameKey.Of(unit.Name));
                if (p.IsArea || governorateOnly)
                {
                    // "Idlib province", "southern Idlib", Damascus city: the governorate only, unless a more specific place follows.
                    var inner = index.PlacesIn(from, to).FirstOrDefault(q => !q.IsArea && !q.IsForeign && q.Resolved is { Kind: PlaceKind.Locality or PlaceKind.Area } && q.Governorate == gov);
                    return inner is not null ? (new Sourced<string>(doc.RawText(inner.Range), inner.Range), governorate) : (null, governorate);
                }

                return (written, governorate);
            }
        }

        // No place in the sentence: a town or village the sentence before names for the same events.
        if (context.Count > 3)
        {
            var (from, to) = context[3];
            var specific = index.PlacesIn(from, to).FirstOrDefault(p => !p.IsForeign && !IsOrigin(doc, p)
                && (p.Resolved is null || p.Resolved.Kind is PlaceKind.Locality or PlaceKind.Area) && !p.IsArea);
            if (specific is not null)
            {
                var gov = GovernorateOf(doc, specific, context, index);
                return (new Sourced<string>(doc.RawText(specific.Range), specific.Range), gov is null ? null : new Sourced<string>(gov, specific.Range));
            }
        }

        // No place in the sentence: the governorate the context names.
        foreach (var (from, to) in context.Skip(3))
        {
            foreach (var p in index.PlacesIn(from, to))
            {
                if (!p.IsForeign && p.Resolved?.Governorate is { } g && p.Confidence >= 0.5)
                {
                    return (null, new Sourced<string>(g, p.Range));
                }
            }
        }

        return (null, index.Memo(MainGovernorate) is { } main ? new Sourced<string>(main, null) : null);
    }

    private static bool IsOrigin(Document doc, PlaceMention p) => doc.Is(p.FirstToken - 1, "from") || (doc.Is(p.FirstToken - 1, "the") && doc.Is(p.FirstToken - 2, "from"));

    private static string? GovernorateOf(Document doc, PlaceMention p, List<(int From, int To)> context, LayerIndex index)
    {
        // A village known only by its spelling yields to a governorate or district the same sentence names:
        // "in al-Hizam al-Akhdar area in al-Bukmal city east of Deir Ezzor".
        if (p.Resolved is { Kind: PlaceKind.Locality, Prominence: 0 } village && context.Count > 2)
        {
            var (from, to) = context[2];
            var admin = index.PlacesIn(from, to).FirstOrDefault(q => !q.IsForeign && q.Resolved is { Kind: PlaceKind.Governorate or PlaceKind.District } && q.Confidence >= 0.5);
            if (admin is not null && admin.Governorate != village.Governorate)
            {
                return admin.Governorate;
            }
        }

        if (p.Resolved is { } resolved && p.Confidence >= 0.5)
        {
            return resolved.Governorate;
        }

        // Not sure of the entry: the governorate the nearby context names, else the candidate's.
        foreach (var (from, to) in context)
        {
            foreach (var q in index.PlacesIn(from, to))
            {
                if (!ReferenceEquals(q, p) && !q.IsForeign && q.Confidence >= 0.5 && q.Resolved?.Governorate is { } g)
                {
                    return g;
                }
            }
        }

        return index.Memo(MainGovernorate) ?? p.Resolved?.Governorate ?? (p.Candidates.Count > 0 ? p.Candidates[0].Governorate : null);
    }

    /// <summary>The governorate the article names most, counting governorate and district names double.</summary>
    private static string? MainGovernorate(Document doc)
    {
        var weight = new Dictionary<string, double>();
        foreach (var p in doc.Places)
        {
            if (p.IsForeign || p.Resolved?.Governorate is not { } g || p.Confidence < 0.5)
            {
                continue;
            }

            weight[g] = weight.GetValueOrDefault(g) + (p.Resolved.Kind is PlaceKind.Governorate or PlaceKind.District ? 2 : 1);
        }

        if (weight.Count == 0)
        {
            return doc.Article.LocationHint is { } hint ? Gazetteer.Default.Lookup(hint).FirstOrDefault(x => x.Kind == PlaceKind.Governorate)?.Governorate : null;
        }

        return weight.OrderByDescending(x => x.Value).First().Key;
    }

    private static (Sourced<DateOnly>? Date, ClaimDatePrecision Precision) FindDate(Document doc, LayerIndex index, List<(int From, int To)> windows, List<(int From, int To)> context, Figure lead)
    {
        foreach (var (from, to) in context)
        {
            // Within a window, a named day ("late Sunday") before "overnight" or "yesterday", before spans.
            foreach (var d in index.DatesIn(from, to).OrderBy(d => d.Expression switch
            {
                DateExpression.Calendar when d.Precision == DatePrecision.Day => 0,
                DateExpression.Weekday => 0,
                DateExpression.Relative => 1,
                _ => 2,
            }))
            {
                // Spans longer than three days belong to tallies; a month or a year alone dates a past event.
                if (d.Expression == DateExpression.Duration && d.Precision != DatePrecision.Week)
                {
                    continue;
                }

                bool reported = IsReportingDate(doc, d);
                var precision = d.Precision switch
                {
                    DatePrecision.Day => reported ? ClaimDatePrecision.Report : ClaimDatePrecision.Day,
                    DatePrecision.Week => ClaimDatePrecision.Week,
                    DatePrecision.Month => ClaimDatePrecision.Month,
                    _ => ClaimDatePrecision.Year,
                };
                if (precision is ClaimDatePrecision.Month or ClaimDatePrecision.Year)
                {
                    // Only when the sentence of the figure names it: a month in another sentence is background.
                    if (d.FirstToken < doc.Sentences[lead.Sentence].FirstToken || d.FirstToken >= doc.Sentences[lead.Sentence].EndToken)
                    {
                        continue;
                    }

                    return (null, precision);
                }

                if (d.Date is { } date)
                {
                    return (new Sourced<DateOnly>(date, d.Range), precision);
                }

                if (precision == ClaimDatePrecision.Week)
                {
                    return (null, precision);
                }
            }
        }

        return doc.Published is { } pub ? (new Sourced<DateOnly>(pub, null), ClaimDatePrecision.Report) : (null, ClaimDatePrecision.Report);
    }

    private static bool IsReportingDate(Document doc, DateMention d)
    {
        int k = d.FirstToken - 1;
        if (doc.Is(k, "on"))
        {
            k--;
        }

        return k >= 0 && s_attribution.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k)) && !doc.Is(k, "according");
    }

    private static Sourced<string>? FindAttack(Document doc, LayerIndex index, List<(int From, int To)> windows, List<(int From, int To)> context, Figure lead)
    {
        // Chemical weapons anywhere in the sentence make the attack chemical.
        var (sFrom, sTo) = windows[2];
        foreach (var a in index.AttacksIn(sFrom, sTo))
        {
            if (a.Value == "chemical")
            {
                return new Sourced<string>("chemical", a.Range);
            }
        }

        bool fighters = lead.VictimSide.Count > 0 || lead.Victim?.Value == "fighter";
        int w = 0;
        foreach (var (from, to) in context)
        {
            var found = index.AttacksIn(from, to).Where(a => !IsWeakAttack(doc, a)).ToList();
            if (found.Count > 0)
            {
                var a = found[0];
                return new Sourced<string>(RefineAttack(doc, a), a.Range);
            }

            // Fighters killed where the sentence names no weapon: an armed clash.
            if (++w == 3 && fighters)
            {
                return new Sourced<string>("clash", null);
            }
        }

        // The article's most frequent attack type.
        var common = doc.Attacks.Where(a => !IsWeakAttack(doc, a)).GroupBy(a => a.Value).OrderByDescending(g => g.Count()).FirstOrDefault();
        return common is not null ? new Sourced<string>(RefineAttack(doc, common.First()), null) : new Sourced<string>("other", null);
    }

    // "offensive" and "assault" name a campaign more often than the clash that killed.
    private static bool IsWeakAttack(Document doc, LexiconMention a) =>
        a.Value == "clash" && (doc.Is(a.FirstToken, "offensive") || doc.Is(a.FirstToken, "assault"));

    private static string RefineAttack(Document doc, LexiconMention a)
    {
        // A missile from the air is an air strike; a bombing by a suicide bomber or a car is an explosion.
        if (a.Value == "shelling" && (doc.Is(a.FirstToken, "missile") || doc.Is(a.FirstToken, "missiles")))
        {
            for (int k = Math.Max(0, a.FirstToken - 4); k < a.FirstToken; k++)
            {
                if (doc.Is(k, "air") || doc.Is(k, "warplanes") || doc.Is(k, "jets") || doc.Is(k, "aircraft") || doc.Is(k, "helicopter") || doc.Is(k, "drone"))
                {
                    return "air_strike";
                }
            }
        }

        if (a.Value == "air_strike" && (doc.Is(a.FirstToken, "bombing") || doc.Is(a.FirstToken, "bombings"))
            && (doc.Is(a.FirstToken - 1, "suicide") || doc.Is(a.FirstToken - 1, "car")))
        {
            return "explosion";
        }

        return a.Value;
    }

    private static List<Sourced<string>> FindPerpetrators(Document doc, LayerIndex index, List<(int From, int To)> context, Figure lead)
    {
        var victimSide = new HashSet<string>(lead.VictimSide);
        foreach (var (from, to) in context)
        {
            var found = new List<Sourced<string>>();
            foreach (var a in index.ActorsIn(from, to))
            {
                if (!IsAgent(doc, index, a, lead))
                {
                    continue;
                }

                if (!found.Any(f => f.Value == a.Value))
                {
                    found.Add(new Sourced<string>(a.Value, a.Range));
                }
            }

            var agents = found.Where(f => !victimSide.Contains(f.Value)).ToList();
            if (agents.Count > 0)
            {
                return agents;
            }
        }

        // Fighters of one side killed, and nobody named: the other side did it.
        if (victimSide.Count > 0 && s_opponents.TryGetValue(victimSide.First(), out var opponent))
        {
            return [new Sourced<string>(opponent, null)];
        }

        // A group that claimed the attack: "ISIS claimed responsibility", "an attack claimed by the group".
        if (index.Memo(ClaimedBy) is { } claimant)
        {
            return [new Sourced<string>(claimant, null)];
        }

        return [new Sourced<string>("unknown", null)];
    }

    /// <summary>The actor the article says claimed an attack ("X claimed responsibility", "claimed by X"), if exactly one did.</summary>
    private static string? ClaimedBy(Document doc)
    {
        var claimants = new HashSet<string>();
        foreach (var a in doc.Actors)
        {
            bool claimed = (doc.Is(a.EndToken, "claimed") && doc.Is(a.EndToken + 1, "responsibility"))
                || (doc.Is(a.EndToken, "has") || doc.Is(a.EndToken, "had")) && doc.Is(a.EndToken + 1, "claimed") && doc.Is(a.EndToken + 2, "responsibility")
                || doc.Is(a.FirstToken - 1, "by") && doc.Is(a.FirstToken - 2, "claimed")
                || doc.Is(a.FirstToken - 1, "the") && doc.Is(a.FirstToken - 2, "by") && doc.Is(a.FirstToken - 3, "claimed");
            if (claimed)
            {
                claimants.Add(a.Value);
            }
        }

        return claimants.Count == 1 ? claimants.First() : null;
    }

    /// <summary>Whether the actor is also a source that the sentence quotes ("the Syrian army said"), so a speaker, not an agent.</summary>
    private static bool IsSpeakingSource(Document doc, LayerIndex index, LexiconMention a)
    {
        for (int k = a.FirstToken; k < a.EndToken; k++)
        {
            if (index.SourceAt(k) is { } source && (IsAttributed(doc, source, strict: true) || source.EndToken > a.EndToken || source.FirstToken < a.FirstToken))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> s_agentVerbs = Set(
        "shelled", "struck", "bombed", "attacked", "targeted", "pounded", "hit", "fired", "launched", "carried", "stormed",
        "ambushed", "executed", "killed", "kill", "kills", "killing", "bombarded", "raided", "shot", "opened", "blew",
        "detonated", "massacred", "dropped", "used", "unleashed", "shell", "shelling", "bomb", "bombing", "attack",
        "attacking", "target", "targeting", "strike", "striking", "struck", "destroyed", "wounded", "injured", "besieged");

    private static readonly FrozenSet<string> s_agentSkips = Set(
        "have", "has", "had", "also", "reportedly", "allegedly", "then", "later", "again", "forces", "troops", "been",
        "group", "terrorist", "organization", "organisation", "militants", "fighters", "militia", "units", "jets");

    /// <summary>
    /// Whether an actor mention names who did it: with a weapon ("regime air strike", "Russian warplanes"), after "by"
    /// ("killed by the Assad regime and Russia"), or before a verb of attack ("troops killed 32 rebels"); not a victim,
    /// a place's controller, a target or a source.
    /// </summary>
    private static bool IsAgent(Document doc, LayerIndex index, LexiconMention a, Figure lead, int depth = 0)
    {
        if (IsSpeakingSource(doc, index, a) || index.VictimSideActors.Contains(a.FirstToken)
            || (a.FirstToken >= lead.FirstToken && a.EndToken <= lead.EndToken && lead.VictimSide.Count > 0))
        {
            return false;
        }

        // "rebel-held", "regime-controlled", "opposition-held"
        int after = a.EndToken;
        if (doc.Is(after, '-'))
        {
            after++;
        }

        if (doc.Is(after, "held") || doc.Is(after, "controlled"))
        {
            return false;
        }

        // The affiliation of a source ("the opposition Syrian Observatory"), not an agent.
        if (index.SourceStartingAt(a.EndToken))
        {
            return false;
        }

        // A victim of its own: "ISIS militants were killed".
        if (index.VictimAt(a.EndToken) is { } v && (index.CasualtyAt(v.EndToken) is not null || doc.Is(v.EndToken, "were") || doc.Is(v.EndToken, "was")))
        {
            return false;
        }

        // Targets: "against the rebels", "positions of ISIS".
        if (doc.Is(a.FirstToken - 1, "against") || (doc.Is(a.FirstToken - 1, "the") && doc.Is(a.FirstToken - 2, "against")) || doc.Is(a.FirstToken - 1, "targeting"))
        {
            return false;
        }

        // The phrase names a weapon of its own ("Russian warplanes"), or a weapon follows ("regime air strike", "Russia's raids").
        for (int k = a.FirstToken; k < a.EndToken; k++)
        {
            if (index.AttackAt(k) is not null)
            {
                return true;
            }
        }

        int next = a.EndToken;
        if (doc.Is(next, "'s") || doc.Is(next, '"') || doc.Is(next, '\''))
        {
            next++; // "Russia's raids", "\"terrorist\" rocket attacks"
        }

        if (index.AttackAt(next) is not null || (doc.Tokens.Count > next + 1 && index.AttackAt(next + 1) is not null && doc.Tokens[next].Kind == TokenKind.Word && char.IsLower(doc.Text[doc.Tokens[next].Start]) && !doc.Is(next, "and") && !doc.Is(next, "in") && !doc.Is(next, "on")))
        {
            return true;
        }

        // "by the Assad regime", "blamed on the regime", "carried out by Russia", "shells fired from regime positions".
        int before = a.FirstToken - 1;
        if (doc.Is(before, "the"))
        {
            before--;
        }

        bool firedFrom = doc.Is(before, "from") && (doc.Is(before - 1, "fired") || doc.Is(before - 1, "launched") || doc.Is(before - 2, "fired") || doc.Is(before - 2, "launched"));
        // "held by ISIS", "backed by Turkey", "controlled by the regime": who holds or backs, not who struck.
        bool holder = doc.Is(before - 1, "held") || doc.Is(before - 1, "controlled") || doc.Is(before - 1, "backed") || doc.Is(before - 1, "run")
            || doc.Is(before - 1, "led") || doc.Is(before - 1, "supported") || doc.Is(before - 1, "besieged") || doc.Is(before - 1, "occupied")
            || doc.Is(before - 1, "seized") || doc.Is(before - 1, "captured") || doc.Is(before - 1, "surrounded");
        // ... unless the place held is where the fire came from: "shells fired from positions held by government forces".
        if (holder)
        {
            for (int k = Math.Max(0, before - 6); k < before - 1; k++)
            {
                holder &= !(doc.Is(k, "from") && (doc.Is(k - 1, "fired") || doc.Is(k - 1, "launched") || doc.Is(k - 2, "fired") || doc.Is(k - 2, "launched")));
            }
        }

        if ((doc.Is(before, "by") && !holder) || (doc.Is(before, "on") && doc.Is(before - 1, "blamed")) || firedFrom)
        {
            return true;
        }

        // Who speaks is not who did it ("the Turkish military says 31 militants were killed"), unless it speaks of its
        // own deed: "DAESH said that it killed at least 50".
        if (doc.Is(a.EndToken, "said") || doc.Is(a.EndToken, "says") || doc.Is(a.EndToken, "claimed"))
        {
            int k = a.EndToken + 1;
            if (doc.Is(k, "that"))
            {
                k++;
            }

            return (doc.Is(k, "it") || doc.Is(k, "they")) && (index.CasualtyAt(k + 1) is not null || s_agentVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k + 1))
                || (doc.Is(k + 1, "had") || doc.Is(k + 1, "has")) && index.CasualtyAt(k + 2) is not null);
        }

        // A verb of attack after it: "troops killed 32 rebels", "ISIS shelled the town".
        var skips = s_agentSkips.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = a.EndToken, seen = 0; k < doc.Tokens.Count && seen < 4; k++, seen++)
        {
            var word = doc.TokenText(k);
            if (s_agentVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || index.CasualtyAt(k) is { } c && c.Values.Any(x => x.Length > 1 && x[1] == "active"))
            {
                return !doc.Is(k - 1, "were") && !doc.Is(k - 1, "was");
            }

            if (!skips.Contains(word) && !doc.Is(k, "'s") && !doc.Is(k, '-'))
            {
                break;
            }
        }

        // Coordinated with an agent: "by the Assad regime and Russia", "by Syria's regime and its ally Russia",
        // "Syrian or Russian warplanes".
        int joint = a.FirstToken - 1;
        while (doc.Is(joint, "ally") || doc.Is(joint, "allies") || doc.Is(joint, "its") || doc.Is(joint, "their") || doc.Is(joint, "the"))
        {
            joint--;
        }

        if (depth == 0 && (doc.Is(joint, "and") || doc.Is(joint, "or") || doc.Is(joint, ',')))
        {
            if (index.ActorAt(joint - 1) is { } previous && IsAgent(doc, index, previous, lead, 1))
            {
                return true;
            }
        }

        if (depth == 0 && (doc.Is(a.EndToken, "and") || doc.Is(a.EndToken, "or")) && index.ActorAt(a.EndToken + 1) is { } following)
        {
            return IsAgent(doc, index, following, lead, 1);
        }

        return false;
    }

    private static readonly FrozenDictionary<string, string> s_actorSources = new Dictionary<string, string>
    {
        ["syrian_government"] = "state_media", ["russia"] = "russia_official", ["turkey"] = "turkey_official",
        ["us_coalition"] = "us_official",
    }.ToFrozenDictionary();

    private static List<Sourced<string>> FindSources(Document doc, LayerIndex index, Figure lead)
    {
        bool namesSohr = doc.Sources.Any(s => s.Value == "sohr" && s.EndToken - s.FirstToken > 1);
        for (int back = 0; back <= 2 && lead.Sentence - back >= 0; back++)
        {
            var sentence = doc.Sentences[lead.Sentence - back];
            if (back > 0 && sentence.Paragraph != doc.Sentences[lead.Sentence].Paragraph && back > 1)
            {
                break;
            }

            var found = new List<Sourced<string>>();
            foreach (var s in index.SourcesIn(sentence.FirstToken, sentence.EndToken))
            {
                // "The monitoring group" in an article that names the Observatory is the Observatory.
                var id = s.Value == "other" && namesSohr && (doc.Is(s.EndToken - 1, "group") && doc.Is(s.EndToken - 2, "monitoring")) ? "sohr" : s.Value;
                if (IsAttributed(doc, s) && !found.Any(f => f.Value == id))
                {
                    found.Add(new Sourced<string>(id, s.Range));
                }
            }

            // A party to the war that speaks for itself: "DAESH said", "the Turkish army said".
            if (found.Count == 0 && back == 0)
            {
                foreach (var a in index.ActorsIn(sentence.FirstToken, sentence.EndToken))
                {
                    bool speaks = doc.Is(a.EndToken, "said") || doc.Is(a.EndToken, "says") || doc.Is(a.EndToken, "claimed")
                        || (doc.Is(a.EndToken, "has") || doc.Is(a.EndToken, "had")) && doc.Is(a.EndToken + 1, "said");
                    if (!index.SourceOverlapping(a) && speaks)
                    {
                        var id = s_actorSources.GetValueOrDefault(a.Value, "other");
                        if (!found.Any(f => f.Value == id))
                        {
                            found.Add(new Sourced<string>(id, a.Range));
                        }
                    }
                }
            }

            // "X told Anadolu": the one told is the outlet that carries the figure, not its source.
            if (found.Count > 1)
            {
                found.RemoveAll(f => f.Range is { } r && index.SourcesIn(0, doc.Tokens.Count).Any(m => m.Range == r && (doc.Is(m.FirstToken - 1, "told") || doc.Is(m.FirstToken - 1, "to"))));
            }

            if (found.Count > 0)
            {
                return found;
            }

            // "It added", "the source said", "according to the source": the last source the article named, however far back.
            if (back == 0 && RefersBack(doc, sentence))
            {
                for (int earlier = lead.Sentence - 1; earlier >= Math.Max(0, lead.Sentence - 15); earlier--)
                {
                    var previous = doc.Sentences[earlier];
                    var named = index.SourcesIn(previous.FirstToken, previous.EndToken).Where(m => IsAttributed(doc, m) && !IsGenericSource(doc, m)).ToList();
                    if (named.Count > 0)
                    {
                        return named.Select(m => new Sourced<string>(m.Value, m.Range)).DistinctBy(x => x.Value).ToList();
                    }
                }
            }

            if (back == 0 && HasOwnAttribution(doc, sentence))
            {
                break; // "officials said" with no known source: not the paragraph's
            }
        }

        // The next sentence may say who said it, when it brings no figure of its own: "At least 79 civilians were killed.
        // Activist Ahed Sileybi said warplanes carried out intensive strikes."
        int after = lead.Sentence + 1;
        if (after < doc.Sentences.Count && doc.Sentences[after].Paragraph == doc.Sentences[lead.Sentence].Paragraph && !index.FiguresIn(after).Any())
        {
            var next = doc.Sentences[after];
            var speakers = index.SourcesIn(next.FirstToken, Math.Min(next.EndToken, next.FirstToken + 6))
                .Where(m => IsAttributed(doc, m, strict: true) || doc.Is(m.EndToken, "said") || doc.Is(m.EndToken, "says")).ToList();
            if (speakers.Count > 0)
            {
                return speakers.Select(m => new Sourced<string>(m.Value, m.Range)).DistinctBy(x => x.Value).ToList();
            }
        }

        // An outlet that is itself an official voice (the state news agency SANA, Anadolu): its own figures are its source's.
        return [new Sourced<string>(index.Memo(OutletSource) ?? "outlet", null)];
    }

    private static readonly FrozenSet<string> s_officialSources = Set("state_media", "russia_official", "turkey_official", "us_official");

    /// <summary>The source id of the article's outlet, when the sources lexicon names it as an official voice.</summary>
    private static string? OutletSource(Document doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Article.Source))
        {
            return null;
        }

        var outlet = new Document(new Article("outlet", doc.Article.Source));
        int end = Lexicons.Sources.Match(outlet, 0, out var values);
        return end == outlet.Tokens.Count && end > 0 && s_officialSources.Contains(values[0][0]) ? values[0][0] : null;
    }

    private static readonly FrozenSet<string> s_reportVerbs = Set("said", "says", "added", "reported", "stated", "noted", "confirmed");

    /// <summary>Whether a reporting verb's subject points back to a source named before: "it said", "the source added".</summary>
    private static bool RefersBack(Document doc, Sentence sentence)
    {
        var verbs = s_reportVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            // "according to it", "according to the source"
            if (doc.Is(k, "according") && doc.Is(k + 1, "to") && (doc.Is(k + 2, "it") || doc.Is(k + 2, "the") && (doc.Is(k + 3, "source") || doc.Is(k + 3, "report") || doc.Is(k + 3, "group"))))
            {
                return true;
            }

            if (!verbs.Contains(doc.TokenText(k)))
            {
                continue;
            }

            // "it said", "it also said", "the source added", "the military said"
            int subject = doc.Is(k - 1, "also") || doc.Is(k - 1, "further") || doc.Is(k - 1, "later") ? k - 2 : k - 1;
            if (doc.Is(subject, "it") || doc.Is(subject, "he") || doc.Is(subject, "she") || doc.Is(subject, "they")
                || doc.Is(subject - 1, "the") && (doc.Is(subject, "source") || doc.Is(subject, "group") || doc.Is(subject, "statement")
                    || doc.Is(subject, "report") || doc.Is(subject, "military") || doc.Is(subject, "army") || doc.Is(subject, "ministry")
                    || doc.Is(subject, "agency") || doc.Is(subject, "spokesman")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGenericSource(Document doc, LexiconMention m) => m.Value == "other" && m.EndToken - m.FirstToken == 1;

    /// <summary>Whether the sentence says who said it, other than by a pronoun ("he said" continues the paragraph's source).</summary>
    private static bool HasOwnAttribution(Document doc, Sentence sentence)
    {
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (doc.Is(k, "according"))
            {
                return true;
            }

            if ((doc.Is(k, "said") || doc.Is(k, "says") || doc.Is(k, "added") || doc.Is(k, "reported") || doc.Is(k, "told")) && !(doc.Is(k - 1, "he") || doc.Is(k - 1, "she") || doc.Is(k - 1, "it") || doc.Is(k - 1, "they")
                || doc.Is(k - 1, "group") || doc.Is(k - 1, "monitor") || doc.Is(k - 1, "observatory")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAttributed(Document doc, LexiconMention s, bool strict = false)
    {
        var attribution = s_attribution.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = s.EndToken; k < Math.Min(doc.Tokens.Count, s.EndToken + 7); k++)
        {
            if (attribution.Contains(doc.TokenText(k)))
            {
                return true;
            }

            if (doc.Is(k, '.') || doc.Is(k, ';'))
            {
                break;
            }
        }

        // Before it: "according to the Observatory", "reported by SANA", "citing activists", "said the monitor". When
        // strict (deciding whether an actor speaks), "said" must stand right before it: in "it said a coalition raid
        // killed...", the name opens what was said.
        int before = s.FirstToken - 1;
        if (doc.Is(before, "the"))
        {
            before--;
        }

        if (doc.Is(before, "said") || doc.Is(before, "told") || doc.Is(before, "citing") || doc.Is(before, "cited") || (doc.Is(before, "by") && doc.Is(before - 1, "reported")))
        {
            return true;
        }

        for (int k = s.FirstToken - 1; k >= Math.Max(0, s.FirstToken - 5); k--)
        {
            if (doc.Is(k, "according") || (!strict && (doc.Is(k, "said") || doc.Is(k, "told") || doc.Is(k, "citing") || doc.Is(k, "cited"))))
            {
                return true;
            }

            if (doc.Is(k, '.') || doc.Is(k, ';'))
            {
                break;
            }
        }

        return false;
    }

    // ---------------------------------------------------------------- restatements

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
                int restated = body.FindIndex(b => b.Killed.Total?.Value == claim.Killed.Total?.Value
                    && (b.Injured.Total?.Value == claim.Injured.Total?.Value || claim.Injured.Total is null));
                if (restated >= 0)
                {
                    body[restated] = Merge(body[restated], claim with { Place = null, Governorate = null, Sources = [] });
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
            int same = candidates.FindIndex(i => IsRestatement(result[i], claim));
            if (same < 0)
            {
                candidates.Add(result.Count);
                result.Add(claim);
                continue;
            }

            result[candidates[same]] = Merge(result[candidates[same]], claim);
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

    private static bool IsRestatement(Claim a, Claim b)
    {
        if (a.Killed.Total?.Value != b.Killed.Total?.Value || a.Injured.Total?.Value != b.Injured.Total?.Value)
        {
            return false;
        }

        if (a.Place is { } pa && b.Place is { } pb && NameKey.Of(pa.Value) != NameKey.Of(pb.Value))
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

    private static Claim Merge(Claim first, Claim second)
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
            Place = first.Place ?? second.Place,
            Governorate = first.Place is null && second.Place is not null ? second.Governorate : first.Governorate ?? second.Governorate,
            Date = secondDated ? second.Date : first.Date,
            DatePrecision = secondDated ? second.DatePrecision : first.DatePrecision,
            Perpetrators = first.Perpetrators.All(p => p.Value == "unknown") ? second.Perpetrators : first.Perpetrators,
            Attack = first.Attack?.Range is null && second.Attack?.Range is not null ? second.Attack : first.Attack,
            Killed = MergeCounts(first.Killed, second.Killed),
            Injured = MergeCounts(first.Injured, second.Injured),
            Sources = secondAttributed ? second.Sources : first.Sources,
        };
    }
}
