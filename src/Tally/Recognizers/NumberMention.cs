using Tally.Text;

namespace Tally.Recognizers;

/// <summary>How a figure is hedged.</summary>
public enum Qualifier : byte
{
    /// <summary>No hedge: "seven", "a total of 12".</summary>
    Exact,

    /// <summary>A lower bound: "at least", "more than", "over", "or more", a range's low end.</summary>
    AtLeast,

    /// <summary>An approximation: "about", "nearly", "some", "around".</summary>
    About,

    /// <summary>An upper bound: "up to", "as many as", "less than".</summary>
    UpTo,
}

/// <summary>
/// A count found in text: digits, number words, a vague quantity or a range, with its qualifier.
/// </summary>
/// <param name="Range">The whole phrase, qualifier included ("at least seven"), in the document's normalized text.</param>
/// <param name="FirstToken">Index of the phrase's first token.</param>
/// <param name="EndToken">Index just after the phrase's last token.</param>
/// <param name="Value">The number; for a range its low end; <c>null</c> for a vague quantity.</param>
/// <param name="High">A range's high end ("between 10 and 15": 15); otherwise <c>null</c>.</param>
/// <param name="Vague">The vague word ("dozens", "hundreds") when there is no number; otherwise <c>null</c>.</param>
/// <param name="Qualifier">The hedge; a range counts as <see cref="Recognizers.Qualifier.AtLeast"/>.</param>
/// <param name="IsWords">Whether the number was written in words ("seven") rather than digits.</param>
public readonly record struct NumberMention(
    CharRange Range,
    int FirstToken,
    int EndToken,
    long? Value,
    long? High,
    string? Vague,
    Qualifier Qualifier,
    bool IsWords);
