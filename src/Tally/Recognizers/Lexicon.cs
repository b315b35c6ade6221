using System.Reflection;
using Tally.Text;

namespace Tally.Recognizers;

/// <summary>
/// A list of phrases and what each means, read from a tab-separated data file: <c>phrase TAB value [TAB more...]</c>,
/// with <c>#</c> comments and blank lines ignored.
/// </summary>
/// <remarks>
/// <para>Phrases are matched on whole tokens. A phrase written in lower case matches any case; a phrase with a capital
/// letter in it ("US", "WHO") matches only as written, so that the pronoun "us" is not the United States. Hyphens and
/// the possessive <c>'s</c> are optional on both sides: "al-Nusra" matches "al Nusra", "Assad's forces" matches
/// "Assad forces".</para>
/// <para>The built-in lexicons ship inside the library (<c>Data/lexicons/*.tsv</c>); a user extends one by giving a file
/// of extra lines (<see cref="Load(string, TextReader?)"/>).</para>
/// </remarks>
public sealed class Lexicon
{
    private readonly Node _folded = new(StringComparer.OrdinalIgnoreCase);
    private readonly Node _exact = new(StringComparer.Ordinal);
    private readonly FirstLetters _starts = new();
    private readonly HashSet<string> _firstWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    private Lexicon(string name)
    {
        Name = name;
        _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon's name (its file name without extension).</summary>
    public string Name { get; }

    /// <summary>The number of phrases.</summary>
    public int Count { get; private set; }

    /// <summary>Loads the built-in lexicon <paramref name="name"/>, plus the lines of <paramref name="extra"/> if given.</summary>
    /// <exception cref="FormatException">A line has no value; the message names the line.</exception>
    public static Lexicon Load(string name, TextReader? extra = null)
    {
        var lexicon = new Lexicon(name);
        using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Tally.Data.lexicons.{name}.tsv")
            ?? throw new ArgumentException($"No built-in lexicon named '{name}'.", nameof(name)))
        using (var reader = new StreamReader(stream))
        {
            lexicon.Add(reader, $"{name}.tsv");
        }

        if (extra is not null)
        {
            lexicon.Add(extra, $"{name} (user file)");
        }

        return lexicon;
    }

    /// <summary>Builds a lexicon from lines, for tests and users' own lists.</summary>
    public static Lexicon FromLines(string name, IEnumerable<string> lines)
    {
        var lexicon = new Lexicon(name);
        lexicon.Add(new StringReader(string.Join('\n', lines)), name);
        return lexicon;
    }

    private void Add(TextReader reader, string source)
    {
        var tokens = new List<Token>();
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[1]))
            {
                throw new FormatException($"{source}:{lineNumber}: expected 'phrase<TAB>value', found '{line}'.");
            }

            var phrase = TextNormalizer.Normalize(parts[0].Trim()).Text;
            Tokenizer.Tokenize(phrase, tokens);
            var words = tokens.Select(t => phrase.Substring(t.Start, t.Length)).Where(w => !IsOptional(w)).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var root = phrase.Any(char.IsUpper) ? _exact : _folded;
            _starts.Add(words[0]);
            _firstWords.Add(words[0]);
            var node = root;
            foreach (var word in words)
            {
                node = node.Child(word);
            }

            var values = parts[1..].Select(p => p.Trim()).ToArray();
            if (node.Values is null)
            {
                Count++;
                node.Values = [values];
            }
            else if (!node.Values.Any(v => v.SequenceEqual(values)))
            {
                node.Values = [.. node.Values, values];
            }
        }
    }

    private static bool IsOptional(ReadOnlySpan<char> word) => word is "-" || word.Equals("'s", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Finds the longest phrase that starts at token <paramref name="first"/>. Returns the index after its last token,
    /// or <paramref name="first"/> when none starts there; <paramref name="values"/> holds the values of each line
    /// that named the phrase.
    /// </summary>
    public int Match(Document document, int first, out IReadOnlyList<string[]> values)
    {
        ArgumentNullException.ThrowIfNull(document);
        values = [];
        int best = first;
        if (first < document.Tokens.Count && (!_starts.MayStart(document.FirstPair(first)) || !_firstWordLookup.Contains(document.TokenText(first))))
        {
            return best;
        }

        foreach (var root in (ReadOnlySpan<Node>)[_folded, _exact])
        {
            int end = Walk(root, document, first, out var found);
            if (end > best && found is not null)
            {
                best = end;
                values = found;
            }
        }

        return best;
    }

    private static int Walk(Node root, Document doc, int first, out string[][]? values)
    {
        values = null;
        var tokens = doc.Tokens;
        if (first >= tokens.Count || tokens[first].Kind is TokenKind.Punctuation or TokenKind.Symbol && !doc.Is(first, '$'))
        {
            return first;
        }

        int best = first;
        var node = root;
        int i = first;
        while (i < tokens.Count)
        {
            // Optional hyphens and possessives inside a phrase: "al-Nusra" as "al Nusra", "Assad's" as "Assad".
            if (i > first && (doc.Is(i, '-') || doc.TokenText(i).Equals("'s", StringComparison.OrdinalIgnoreCase)) && !tokens[i].HasSpaceBefore)
            {
                i++;
                continue;
            }

            var next = node.Find(doc.TokenText(i));
            if (next is null)
            {
                break;
            }

            node = next;
            i++;
            if (node.Values is not null)
            {
                best = i;
                values = node.Values;
            }
        }

        return best;
    }

    /// <summary>
    /// The first two letters (case folded) of every phrase's first word: a token whose first two letters no phrase
    /// starts with is skipped without a dictionary lookup, as most tokens are. Non-ASCII starts are always looked up.
    /// </summary>
    private sealed class FirstLetters
    {
        private readonly ulong[] _pairs = new ulong[128 * 128 / 64];

        public void Add(ReadOnlySpan<char> word)
        {
            int index = Document.PairOf(word);
            if (index >= 0)
            {
                _pairs[index >> 6] |= 1UL << (index & 63);
            }
            else
            {
                _anyNonAscii = true; // not ASCII: every non-ASCII token is looked up
            }
        }

        private bool _anyNonAscii;

        public bool MayStart(int pair) => pair < 0 ? _anyNonAscii : (_pairs[pair >> 6] & (1UL << (pair & 63))) != 0;
    }

    private sealed class Node(StringComparer comparer)
    {
        private Dictionary<string, Node>? _children;

        public string[][]? Values { get; set; }

        public Node Child(string word)
        {
            _children ??= new Dictionary<string, Node>(comparer);
            if (!_children.TryGetValue(word, out var child))
            {
                child = new Node(comparer);
                _children[word] = child;
            }

            return child;
        }

        public Node? Find(ReadOnlySpan<char> word) =>
            _children is not null && _children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var child) ? child : null;
    }
}
