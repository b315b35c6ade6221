using Tally.Recognizers;

namespace Tally.Text;

/// <summary>
/// An article prepared for recognition: its content normalized, tokenized and split into sentences, and the
/// mentions that recognizers add to it.
/// </summary>
/// <remarks>
/// <para>The <em>content</em> of an article is its title, a blank line, then its text; the title is left out when
/// there is none or when the text already repeats it near its start (as FA-KES texts do after their dateline).
/// <see cref="Raw"/> is that content exactly as read; <see cref="Text"/> is its normalized form (see
/// <see cref="TextNormalizer"/>). Tokens, sentences and mentions hold ranges into <see cref="Text"/>;
/// <see cref="ToRaw(CharRange)"/> maps any of them back into <see cref="Raw"/>.</para>
/// <para>A document owns its arrays; recognizers append to its mention lists. It is not thread-safe: one thread
/// works on one document at a time.</para>
/// </remarks>
public sealed class Document
{
    private readonly List<Token> _tokens = [];
    private readonly List<Sentence> _sentences = [];

    /// <summary>Prepares <paramref name="article"/>: builds its content, normalizes, tokenizes and splits it.</summary>
    public Document(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Article = article;
        (Raw, BodyStart) = BuildContent(article);
        var normalized = TextNormalizer.Normalize(Raw);
        Text = normalized.Text;
        Map = normalized.Map;
        BodyStartInText = BodyStart == 0 ? 0 : TextNormalizer.Normalize(Raw[..BodyStart]).Text.Length;
        Tokenizer.Tokenize(Text, _tokens);
        SentenceSplitter.Split(Text, _tokens, _sentences);
    }

    /// <summary>The article the document was made from.</summary>
    public Article Article { get; }

    /// <summary>The article's content as read: title, blank line, text.</summary>
    public string Raw { get; }

    /// <summary>Offset in <see cref="Raw"/> where the article's text starts (0 when the title was left out).</summary>
    public int BodyStart { get; }

    /// <summary>Offset in <see cref="Text"/> where the article's text starts.</summary>
    public int BodyStartInText { get; }

    /// <summary>The normalized content, which tokens and mentions index.</summary>
    public string Text { get; }

    /// <summary>Maps offsets in <see cref="Text"/> to offsets in <see cref="Raw"/>.</summary>
    public OffsetMap Map { get; }

    /// <summary>The publication date the recognizers resolve relative dates against: the dateline's, else the article's.</summary>
    public DateOnly? Published => Dateline?.Date ?? Article.Published;

    /// <summary>The tokens, in order.</summary>
    public TokenList Tokens => new(_tokens);

    /// <summary>The sentences, in order.</summary>
    public IReadOnlyList<Sentence> Sentences => _sentences;

    /// <summary>Numbers found by the <see cref="NumberRecognizer"/>, in text order.</summary>
    public List<NumberMention> Numbers { get; } = [];

    /// <summary>Dates found by the <see cref="DateRecognizer"/>, in text order.</summary>
    public List<DateMention> Dates { get; } = [];

    /// <summary>Places found by the <see cref="PlaceRecognizer"/>, in text order.</summary>
    public List<PlaceMention> Places { get; } = [];

    /// <summary>Actors (who did it, or whose fighters died), in text order.</summary>
    public List<LexiconMention> Actors { get; } = [];

    /// <summary>Sources a figure may be attributed to, in text order.</summary>
    public List<LexiconMention> Sources { get; } = [];

    /// <summary>Weapons and acts that give an attack type, in text order.</summary>
    public List<LexiconMention> Attacks { get; } = [];

    /// <summary>Victim nouns with their category, in text order.</summary>
    public List<LexiconMention> Victims { get; } = [];

    /// <summary>Casualty words (killed, wounded, death toll...), in text order.</summary>
    public List<LexiconMention> Casualties { get; } = [];

    /// <summary>The date a dateline at the start of the text gives, which wins over the dataset's date; see <see cref="DatelineRecognizer"/>.</summary>
    public DateMention? Dateline { get; set; }

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index)
    {
        var token = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens)[index];
        return Text.AsSpan(token.Start, token.Length);
    }

    /// <summary>The <see cref="Vocabulary"/> number of token <paramref name="index"/>'s word (case folded), or
    /// <see cref="Vocabulary.Unknown"/>. Computed for every token on first use, one lookup each, and again if a caller
    /// needs numbers up to <paramref name="known"/> and the vocabulary had fewer words then (a word set made since).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal int WordId(int index, int known) =>
        _wordIds is { } ids && known <= _wordIdsKnown ? ids[index] : NumberWords(index);

    private int NumberWords(int index)
    {
        var vocabulary = Vocabulary.Current;
        var ids = new int[_tokens.Count];
        var tokens = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = vocabulary.OnlyWords && tokens[i].Kind != TokenKind.Word ? Vocabulary.Unknown : vocabulary.Find(TokenText(i));
        }

        _wordIds = ids;
        _wordIdsKnown = vocabulary.Words.Count;
        return ids[index];
    }

    private int _wordIdsKnown;

    private int[]? _wordIds;

    /// <summary>Whether token <paramref name="index"/> exists and equals <paramref name="word"/>, ignoring case.</summary>
    public bool Is(int index, string word) =>
        (index >= 0 && index < _tokens.Count) && TokenText(index).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether token <paramref name="index"/> exists and is the single character <paramref name="c"/>.</summary>
    public bool Is(int index, char c) =>
        (index >= 0 && index < _tokens.Count) && _tokens[index].Length == 1 && Text[_tokens[index].Start] == c;

    /// <summary>The characters from the start of token <paramref name="first"/> to the end of token <paramref name="end"/> - 1.</summary>
    public CharRange RangeOf(int first, int end) => new(_tokens[first].Start, _tokens[end - 1].End);

    /// <summary>The range of <see cref="Raw"/> that <paramref name="range"/> of <see cref="Text"/> came from.</summary>
    public CharRange ToRaw(CharRange range) => Map.ToRaw(range);

    /// <summary>The raw characters that <paramref name="range"/> of <see cref="Text"/> came from.</summary>
    public string RawText(CharRange range) => ToRaw(range).Of(Raw).ToString();

    private static (string Content, int BodyStart) BuildContent(Article article)
    {
        string? title = article.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            return (article.Text, 0);
        }

        // FA-KES texts repeat the title after a dateline; don't say it twice.
        int window = Math.Min(article.Text.Length, title.Length + 80);
        if (article.Text.AsSpan(0, window).Contains(title.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return (article.Text, 0);
        }

        string content = string.Concat(title, "\n\n", article.Text);
        return (content, title.Length + 2);
    }
}
