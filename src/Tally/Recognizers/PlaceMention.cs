using Tally.Geography;
using Tally.Text;

namespace Tally.Recognizers;

/// <summary>A place named in text, with the gazetteer entries its name may mean and the one chosen.</summary>
/// <param name="Range">The name as written, in the document's normalized text.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="EndToken">Index just after its last token.</param>
/// <param name="Candidates">The gazetteer entries whose names have the same key.</param>
/// <param name="IsArea">Whether the text names an area rather than the place itself ("Idlib province", "southern Idlib", "the Aleppo countryside").</param>
public sealed record PlaceMention(CharRange Range, int FirstToken, int EndToken, IReadOnlyList<Place> Candidates, bool IsArea)
{
    /// <summary>The place as a claim names it, when more than its name: "west Aleppo" (the name is "Aleppo").</summary>
    public CharRange? Written { get; init; }

    /// <summary>What a claim names: <see cref="Written"/>, else the name.</summary>
    public CharRange Named => Written ?? Range;

    /// <summary>The entry chosen among the candidates, or <c>null</c> when the evidence did not allow a choice.</summary>
    public Place? Resolved { get; set; }

    /// <summary>How sure the choice is, from 0 to 1.</summary>
    public double Confidence { get; set; }

    /// <summary>Why this entry was chosen, in words.</summary>
    public string? Reason { get; set; }

    /// <summary>Whether the place lies outside Syria.</summary>
    public bool IsForeign => Resolved?.Kind == PlaceKind.Foreign;

    /// <summary>The governorate of the chosen entry, if any.</summary>
    public string? Governorate => Resolved?.Governorate;
}
