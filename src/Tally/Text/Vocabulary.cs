using System.Collections.Frozen;

namespace Tally.Text;

/// <summary>
/// The words the lexicons and word sets are made of, case folded, each with a number: a document looks each of its
/// tokens up once (<see cref="Document.WordId"/>), and every lexicon then walks its phrases by number instead of
/// hashing the token's text again.
/// </summary>
/// <remarks>
/// Process-wide and only ever added to, when a lexicon is loaded; readers see a frozen snapshot, replaced whole when
/// words are added, so a lookup never takes a lock. A document numbers its tokens on first use against the snapshot
/// of that moment: load lexicons before extracting with them (as the pipeline does).
/// </remarks>
public static class Vocabulary
{
    private static readonly Lock s_gate = new();
    private static Snapshot s_current = new(FrozenDictionary<string, int>.Empty);

    /// <summary>The number of a word that no lexicon uses.</summary>
    public const int Unknown = 0;

    /// <summary>The numbers of <paramref name="words"/> (case folded), adding those that are new in one step.</summary>
    public static IReadOnlyDictionary<string, int> AddRange(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var wanted = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        lock (s_gate)
        {
            var current = s_current;
            if (!wanted.All(current.Words.ContainsKey))
            {
                var all = new Dictionary<string, int>(current.Words, StringComparer.OrdinalIgnoreCase);
                foreach (var word in wanted)
                {
                    all.TryAdd(word, all.Count + 1);
                }

                current = new Snapshot(all.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
                Volatile.Write(ref s_current, current);
            }

            return wanted.ToDictionary(w => w, w => current.Words[w], StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>The words as they are now.</summary>
    internal static Snapshot Current => Volatile.Read(ref s_current);

    /// <summary>A frozen state of the vocabulary.</summary>
    internal sealed class Snapshot
    {
        private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly ulong[] _pairs = new ulong[128 * 128 / 64];
        private readonly bool _anyNonAscii;

        public Snapshot(FrozenDictionary<string, int> words)
        {
            Words = words;
            _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
            OnlyWords = words.Keys.All(k => k.All(c => char.IsLetter(c) || c is '\'' or '\u2019' or '.' or '-'));
            foreach (var word in words.Keys)
            {
                int pair = PairOf(word);
                if (pair < 0)
                {
                    _anyNonAscii = true;
                }
                else
                {
                    _pairs[pair >> 6] |= 1UL << (pair & 63);
                }
            }
        }

        public FrozenDictionary<string, int> Words { get; }

        /// <summary>Whether every word is made of letters (with apostrophes, dots, hyphens): then no number or
        /// punctuation token can be one, and those are not looked up.</summary>
        public bool OnlyWords { get; }

        /// <summary>The number of <paramref name="word"/>, or <see cref="Unknown"/>. Its first two letters rule most
        /// words out before any hashing.</summary>
        public int Find(ReadOnlySpan<char> word)
        {
            int pair = PairOf(word);
            bool may = pair < 0 ? _anyNonAscii && !word.IsEmpty : (_pairs[pair >> 6] & (1UL << (pair & 63))) != 0;
            return may && _lookup.TryGetValue(word, out int id) ? id : Unknown;
        }

        /// <summary>The first two characters of <paramref name="word"/>, lower-cased, as <c>(c0 &lt;&lt; 7) | c1</c>
        /// (<c>c1</c> 0 for a one-letter word); -1 when either is not ASCII or the word is empty.</summary>
        private static int PairOf(ReadOnlySpan<char> word)
        {
            if (word.IsEmpty || word[0] >= 128 || (word.Length > 1 && word[1] >= 128))
            {
                return -1;
            }

            int a = word[0] is >= 'A' and <= 'Z' ? word[0] | 0x20 : word[0];
            int b = word.Length > 1 ? (word[1] is >= 'A' and <= 'Z' ? word[1] | 0x20 : word[1]) : 0;
            return (a << 7) | b;
        }
    }
}

/// <summary>
/// A set of words (case folded) tested by a token's <see cref="Vocabulary"/> number: an array lookup, where a set of
/// strings would hash the token's text again for every recognizer that asks.
/// </summary>
public sealed class WordSet
{
    private readonly bool[] _has;

    /// <summary>Creates the set, numbering its words in the <see cref="Vocabulary"/>.</summary>
    public WordSet(IEnumerable<string> words)
    {
        var ids = Vocabulary.AddRange(words);
        _has = new bool[ids.Count == 0 ? 1 : ids.Values.Max() + 1];
        foreach (int id in ids.Values)
        {
            _has[id] = true;
        }
    }

    /// <summary>Whether token <paramref name="token"/> of <paramref name="doc"/> is one of the words (any case).</summary>
    public bool Contains(Document doc, int token)
    {
        int id = doc.WordId(token, _has.Length - 1);
        return id < _has.Length && _has[id];
    }
}
