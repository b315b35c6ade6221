using Tally.Text;

namespace Tally.Extraction;

// Breakdowns: sub-counts by category ("including three children").
public static partial class ClaimBuilder
{
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
}
