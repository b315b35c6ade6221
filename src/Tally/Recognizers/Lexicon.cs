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
    private readonly Node _folded = new(null);
    private readonly Node _exact = new(null);
    // Which vocabulary numbers start a phrase; as long as the highest number any phrase uses, plus one.
    private bool[] _starts = [false];

    private Lexicon(string name) => Name = name;

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
        var phrases = new List<(List<string> Words, bool Exact, string[] Values)>();
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
            if (words.Count > 0)
            {
                phrases.Add((words, phrase.Any(char.IsUpper), [.. parts[1..].Select(p => p.Trim())]));
            }
        }

        // The words get their numbers in one step, then the phrases are walked in by number.
        var ids = Vocabulary.AddRange(phrases.SelectMany(p => p.Words));
        int highest = ids.Count == 0 ? 0 : ids.Values.Max();
        if (highest >= _starts.Length)
        {
            Array.Resize(ref _starts, highest + 1);
        }

        foreach (var (words, exact, values) in phrases)
        {
            int first = ids[words[0]];
            _starts[first] = true;
            var node = exact ? _exact : _folded;
            foreach (var word in words)
            {
                node = node.Child(ids[word], exact ? word : null);
            }

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
        if (first < document.Tokens.Count && (document.WordId(first, _starts.Length - 1) is var id && (id >= _starts.Length || !_starts[id])))
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

            var next = node.Find(doc.WordId(i, 0), doc, i);
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

    /// <summary>A node of a phrase trie: its children by <see cref="Vocabulary"/> number. In the trie of phrases written
    /// with capitals, a child also holds the spelling it requires (spellings that differ only in case share a number
    /// and are chained).</summary>
    private sealed class Node(string? spelling)
    {
        private Dictionary<int, Node>? _children;

        private Node? _sameNumber;

        public string[][]? Values { get; set; }

        public Node Child(int word, string? exact)
        {
            _children ??= [];
            if (!_children.TryGetValue(word, out var child))
            {
                child = new Node(exact);
                _children[word] = child;
                return child;
            }

            while (!string.Equals(child.Spelling, exact, StringComparison.Ordinal))
            {
                child = child._sameNumber ??= new Node(exact);
            }

            return child;
        }

        private string? Spelling { get; } = spelling;

        public Node? Find(int word, Document doc, int token)
        {
            if (word == Vocabulary.Unknown || _children is null || !_children.TryGetValue(word, out var child))
            {
                return null;
            }

            for (; child is not null; child = child._sameNumber)
            {
                if (child.Spelling is null || doc.TokenText(token).SequenceEqual(child.Spelling))
                {
                    return child;
                }
            }

            return null;
        }
    }
}
