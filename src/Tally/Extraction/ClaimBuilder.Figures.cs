using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

// Figures: a count tied to a casualty word, with its victims and breakdown.
public static partial class ClaimBuilder
{
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
        var parts = new List<Figure>();
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
            parts.Add(figure);
            if (last is not null)
            {
                index.Pending.Add(last);
            }

            last = figure;
        }

        // Each side's dead were killed by the other sides listed with them.
        foreach (var part in parts)
        {
            foreach (var other in parts)
            {
                foreach (var side in other.VictimSide)
                {
                    if (other != part && !part.VictimSide.Contains(side) && !part.OtherSides.Contains(side))
                    {
                        part.OtherSides.Add(side);
                    }
                }
            }
        }

        return last;
    }

    /// <summary>The nearest unused number before <paramref name="casualty"/> with only allowed words between.</summary>
    private static NumberMention? FindBackward(Document doc, LayerIndex index, Sentence sentence, int casualty, HashSet<int> used, out (int Start, int End)? breakdown)
    {
        breakdown = null;
        int k = BeforeSetting(doc, index, sentence, casualty);
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
                    while (listStart < k && (doc.Is(listStart, "them") || doc.Is(listStart, "whom") || doc.Is(listStart, "the") || doc.Is(listStart, "of")))
                    {
                        listStart++;
                    }

                    breakdown = (listStart, k);
                    k = open - 1;
                    continue;
                }

                return null;
            }

            // A breakdown without commas whose count is no number: "Five civilians including a child were killed".
            if (doc.Is(k, "including") && gap > 0 && breakdown is null)
            {
                breakdown = (k + 1, casualty);
                k--;
                gap++;
                continue;
            }

            // Who the victims were, between the count and its noun: "Five civilians of one family", "from the same family".
            if (doc.Is(k, "family") && (doc.Is(k - 1, "one") || doc.Is(k - 1, "same")))
            {
                int of = doc.Is(k - 2, "the") ? k - 3 : k - 2;
                if (doc.Is(of, "of") || doc.Is(of, "from"))
                {
                    k = of - 1;
                    gap++;
                    continue;
                }
            }

            // Allowed between a count and its verb: victim nouns, actors ("IS group militants", "(IS)"), auxiliaries,
            // and one adjective right before a victim noun ("Three Tunisian terrorists", "15 moderate opposition fighters").
            bool adjective = doc.Tokens[k].Kind == TokenKind.Word && (index.VictimAt(k + 1) is not null || index.ActorAt(k + 1) is { } group && (index.VictimAt(group.EndToken) is not null || index.VictimAt(group.EndToken - 1) is not null));
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

    private static readonly WordSet s_settings = new(["in", "inside", "at", "from", "near", "on"]);

    private static readonly WordSet s_notSetting = new(
        ["who", "whom", "which", "that", "where", "when", "while", "after", "before", "as", "said", "says", "told", "say"]);

    /// <summary>
    /// Where the walk back from a passive verb starts: before the setting that stands between the victims and the verb
    /// ("Six civilians in the emergency ward were killed", "four medical staff from a dispensary in Maarzita were also
    /// killed", "20 fighters who guarded the buses were killed"), else right before the verb. The setting is a preposition
    /// or "who" right after a victim noun, then plain words only (no number, no casualty word, no speech, no other
    /// clause), up to "were", "was" or "been".
    /// </summary>
    private static int BeforeSetting(Document doc, LayerIndex index, Sentence sentence, int casualty)
    {
        int aux = casualty - 1;
        while (aux > sentence.FirstToken && (doc.Is(aux, "also") || doc.Is(aux, "reportedly") || doc.Is(aux, "all")))
        {
            aux--;
        }

        if (!(doc.Is(aux, "were") || doc.Is(aux, "was") || doc.Is(aux, "been")))
        {
            return casualty - 1;
        }

        if (doc.Is(aux, "been") && (doc.Is(aux - 1, "have") || doc.Is(aux - 1, "has") || doc.Is(aux - 1, "had")))
        {
            aux--;
        }

        for (int k = aux - 1; k > Math.Max(sentence.FirstToken, aux - 13); k--)
        {
            if ((s_settings.Contains(doc, k) || doc.Is(k, "who")) && index.VictimAt(k - 1) is not null)
            {
                return k - 1;
            }

            bool plain = doc.Tokens[k].Kind == TokenKind.Word || doc.Is(k, '-') || doc.Is(k, "'s");
            if (!plain || s_notSetting.Contains(doc, k) || index.NumberAt(k) is not null || index.CasualtyAt(k) is not null)
            {
                break;
            }
        }

        return casualty - 1;
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

                // "a toll of 31 killed and 74 wounded": the count after "and" has a casualty word of its own.
                if (doc.Is(cas.EndToken, "and") && n.FirstToken == cas.EndToken + 1 && after == n.EndToken && index.CasualtyAt(after) is not null)
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

        return doc.Is(after, "others") || doc.Is(after, "more") || IsPlacePreposition(doc, after)
            || (index.VictimAt(after) is { } victim && IsPlacePreposition(doc, victim.EndToken));
    }

    /// <summary>"in", "on", "at", "near", "outside", "around", "inside": what may follow a count that continues a
    /// figure with its place ("and another five outside the town of Kobane").</summary>
    private static bool IsPlacePreposition(Document doc, int k) =>
        doc.Is(k, "in") || doc.Is(k, "on") || doc.Is(k, "at") || doc.Is(k, "near") || doc.Is(k, "outside") || doc.Is(k, "around") || doc.Is(k, "inside");

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
        // "Fourteen of the IS group fighters": a part of a group named after the count.
        if (doc.Is(k, "of") && doc.Is(k + 1, "the") && (index.ActorAt(k + 2) is not null || index.VictimAt(k + 2) is not null))
        {
            k += 2;
        }

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
}
