namespace Tally.Text;

/// <summary>A sentence: a run of tokens <c>[FirstToken, EndToken)</c> and the characters they cover.</summary>
/// <param name="FirstToken">Index of the first token.</param>
/// <param name="EndToken">Index just after the last token.</param>
/// <param name="Range">Characters from the first token's start to the last token's end, in the normalized text.</param>
/// <param name="Paragraph">Index of the paragraph (blank-line separated block) the sentence belongs to, from 0.</param>
public readonly record struct Sentence(int FirstToken, int EndToken, CharRange Range, int Paragraph)
{
    /// <summary>The number of tokens.</summary>
    public int TokenCount => EndToken - FirstToken;
}
