namespace Tally.Text;

/// <summary>What a token is made of.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters (any script), with inner apostrophes ("Ma'arrat") or dotted initials ("U.S.").</summary>
    Word,

    /// <summary>Digits, with inner thousands separators or a decimal point ("1,200", "3.5").</summary>
    Number,

    /// <summary>Digits with an ordinal suffix ("3rd", "21st").</summary>
    Ordinal,

    /// <summary>One punctuation character.</summary>
    Punctuation,

    /// <summary>One symbol character ("$", "%", an emoji).</summary>
    Symbol,
}

/// <summary>Facts about the whitespace before a token.</summary>
[Flags]
public enum TokenSpacing : byte
{
    /// <summary>The token directly follows the previous one.</summary>
    None = 0,

    /// <summary>Whitespace separates the token from the previous one.</summary>
    SpaceBefore = 1,

    /// <summary>A line break separates the token from the previous one.</summary>
    NewlineBefore = 2,

    /// <summary>A blank line (two or more line breaks) separates the token from the previous one.</summary>
    ParagraphBefore = 4,
}

/// <summary>
/// A token: a half-open range of characters in a document's normalized text, with its kind.
/// </summary>
/// <remarks>
/// Tokenization is lossless: the tokens and the whitespace between them give back the whole text.
/// </remarks>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What the token is made of.</param>
/// <param name="Spacing">Facts about the whitespace before it.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenSpacing Spacing)
{
    /// <summary>Offset just after the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's character range.</summary>
    public CharRange Range => new(Start, End);

    /// <summary>Whether whitespace separates the token from the previous one.</summary>
    public bool HasSpaceBefore => (Spacing & TokenSpacing.SpaceBefore) != 0;

    /// <summary>Whether a line break separates the token from the previous one.</summary>
    public bool HasNewlineBefore => (Spacing & TokenSpacing.NewlineBefore) != 0;

    /// <summary>Whether a blank line separates the token from the previous one.</summary>
    public bool HasParagraphBefore => (Spacing & TokenSpacing.ParagraphBefore) != 0;
}
