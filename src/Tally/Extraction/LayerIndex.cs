using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

/// <summary>
/// Token-indexed views of a document's mention layers, so that the claim builder asks "what is at token k" and
/// "what lies in tokens [from, to)" in constant or logarithmic time.
/// </summary>
internal sealed class LayerIndex
{
    private readonly Document _doc;
    private readonly int[] _number;
    private readonly int[] _victim;
    private readonly int[] _actor;
    private readonly int[] _casualty;
    private readonly int[] _attack;
    private readonly int[] _source;
    private readonly int[] _date;

    public LayerIndex(Document doc)
    {
        _doc = doc;
        int n = doc.Tokens.Count;
        _number = Fill(n, doc.Numbers, static m => (m.FirstToken, m.EndToken));
        _victim = Fill(n, doc.Victims, static m => (m.FirstToken, m.EndToken));
        _actor = Fill(n, doc.Actors, static m => (m.FirstToken, m.EndToken));
        _casualty = Fill(n, doc.Casualties, static m => (m.FirstToken, m.EndToken));
        _attack = Fill(n, doc.Attacks, static m => (m.FirstToken, m.EndToken));
        _source = Fill(n, doc.Sources, static m => (m.FirstToken, m.EndToken));
        _date = Fill(n, doc.Dates, static m => (m.FirstToken, m.EndToken));
    }

    private ILookup<int, Figure> _figuresBySentence = Array.Empty<Figure>().ToLookup(f => f.Sentence);

    /// <summary>Figures found together with the one a rule returns (the other sides of a split list), waiting to be added before it.</summary>
    public List<Figure> Pending { get; } = [];

    /// <summary>The figures found, once they all are.</summary>
    public IReadOnlyList<Figure> Figures
    {
        get;
        set
        {
            field = value;
            _figuresBySentence = value.ToLookup(f => f.Sentence);
        }
    } = [];

    private readonly Dictionary<Delegate, object?> _memo = [];

    /// <summary>A fact about the whole document (its main governorate, its outlet's voice), computed once.</summary>
    public T Memo<T>(Func<Document, T> compute)
    {
        if (!_memo.TryGetValue(compute, out var value))
        {
            value = compute(_doc);
            _memo[compute] = value;
        }

        return (T)value!;
    }

    private static int[] Fill<T>(int n, List<T> mentions, Func<T, (int First, int End)> extent)
    {
        var at = new int[n];
        Array.Fill(at, -1);
        for (int i = 0; i < mentions.Count; i++)
        {
            var (first, end) = extent(mentions[i]);
            for (int k = first; k < end && k < n; k++)
            {
                at[k] = i;
            }
        }

        return at;
    }

    private static T? At<T>(int[] index, List<T> layer, int k)
        where T : struct =>
        k >= 0 && k < index.Length && index[k] >= 0 ? layer[index[k]] : null;

    public NumberMention? NumberAt(int k) => At(_number, _doc.Numbers, k);

    public LexiconMention? VictimAt(int k) => At(_victim, _doc.Victims, k);

    public LexiconMention? ActorAt(int k) => At(_actor, _doc.Actors, k);

    public LexiconMention? CasualtyAt(int k) => At(_casualty, _doc.Casualties, k);

    public LexiconMention? AttackAt(int k) => At(_attack, _doc.Attacks, k);

    public DateMention? DateAt(int k) => At(_date, _doc.Dates, k);

    public LexiconMention? SourceAt(int k) => At(_source, _doc.Sources, k);

    public DateMention? DateStartingAt(int k) => DateAt(k) is { } d && d.FirstToken == k ? d : null;

    /// <summary>The tallies found so far, by sentence, with their scope.</summary>
    public Dictionary<int, (string Text, CharRange Range)> TallyScopes { get; } = [];

    /// <summary>First tokens of actors that name the victims' side ("30 terrorists from ISIL").</summary>
    public HashSet<int> VictimSideActors { get; } = [];

    /// <summary>Whether a source mention starts at token <paramref name="k"/>.</summary>
    public bool SourceStartingAt(int k) => k >= 0 && k < _source.Length && _source[k] >= 0 && _doc.Sources[_source[k]].FirstToken == k;

    /// <summary>Whether a source mention shares a token with <paramref name="m"/>.</summary>
    public bool SourceOverlapping(LexiconMention m)
    {
        for (int k = m.FirstToken; k < m.EndToken; k++)
        {
            if (_source[k] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<T> In<T>(List<T> layer, Func<T, int> first, int from, int to)
    {
        // Layers are in text order: find the first mention at or after 'from' by binary search.
        int lo = 0, hi = layer.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (first(layer[mid]) < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int i = lo; i < layer.Count && first(layer[i]) < to; i++)
        {
            yield return layer[i];
        }
    }

    public IEnumerable<NumberMention> NumbersIn(int from, int to) => In(_doc.Numbers, m => m.FirstToken, from, to);

    public IEnumerable<LexiconMention> ActorsIn(int from, int to) => In(_doc.Actors, m => m.FirstToken, from, to);

    public IEnumerable<LexiconMention> SourcesIn(int from, int to) => In(_doc.Sources, m => m.FirstToken, from, to);

    public IEnumerable<LexiconMention> AttacksIn(int from, int to) => In(_doc.Attacks, m => m.FirstToken, from, to);

    public IEnumerable<PlaceMention> PlacesIn(int from, int to) => In(_doc.Places, m => m.FirstToken, from, to);

    public IEnumerable<DateMention> DatesIn(int from, int to) => In(_doc.Dates, m => m.FirstToken, from, to);

    public List<LexiconMention> CasualtiesIn(Sentence sentence) => In(_doc.Casualties, m => m.FirstToken, sentence.FirstToken, sentence.EndToken).ToList();

    public IEnumerable<Figure> FiguresIn(int sentence) => _figuresBySentence[sentence];
}
