using Tally.Text;

namespace Tally.Recognizers;

/// <summary>A phrase of a lexicon found in text, with what the lexicon says it means.</summary>
/// <param name="Range">The phrase, in the document's normalized text.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="EndToken">Index just after its last token.</param>
/// <param name="Value">The first value column (an actor id, a source id, an attack id, a category...).</param>
/// <param name="Values">Every value line the lexicon has for the phrase, for lexicons whose phrases have several.</param>
public readonly record struct LexiconMention(CharRange Range, int FirstToken, int EndToken, string Value, IReadOnlyList<string[]> Values);

/// <summary>
/// Marks every phrase of one <see cref="Lexicon"/> in a document, longest match first, left to right.
/// </summary>
/// <remarks>Used for actors, sources, attack types, victim nouns and casualty words; each writes its own layer.</remarks>
public sealed class LexiconRecognizer : IRecognizer
{
    private readonly Func<Document, List<LexiconMention>> _layer;

    /// <summary>Creates a recognizer for <paramref name="lexicon"/> that writes into the layer <paramref name="layer"/> picks.</summary>
    public LexiconRecognizer(Lexicon lexicon, Func<Document, List<LexiconMention>> layer)
    {
        Lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _layer = layer ?? throw new ArgumentNullException(nameof(layer));
    }

    /// <summary>The lexicon.</summary>
    public Lexicon Lexicon { get; }

    /// <inheritdoc/>
    public string Name => Lexicon.Name;

    /// <inheritdoc/>
    public void Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layer = _layer(document);
        int n = document.Tokens.Count;
        int i = 0;
        while (i < n)
        {
            int end = Lexicon.Match(document, i, out var values);
            if (end > i)
            {
                // A descriptor right after a mention describes it ("ISIS militants"): not a mention of its own.
                bool describes = values[0] is [_, "descriptor", ..] && layer.Count > 0 && layer[^1].EndToken == i;
                if (!describes)
                {
                    layer.Add(new LexiconMention(document.RangeOf(i, end), i, end, values[0][0], values));
                }

                i = end;
            }
            else
            {
                i++;
            }
        }
    }
}
