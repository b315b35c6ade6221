using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

/// <summary>Whether a figure counts the killed or the injured.</summary>
internal enum FigureKind : byte
{
    Killed,
    Injured,
}

/// <summary>A count of casualties found in a sentence: a number tied to a casualty word.</summary>
internal sealed class Figure
{
    public required FigureKind Kind { get; init; }

    /// <summary>The number, or null for an implied count ("a woman and her child").</summary>
    public NumberMention? Number { get; init; }

    /// <summary>The count: the number's value, or the implied sum.</summary>
    public long? Value { get; init; }

    public Qualifier Qualifier { get; init; }

    public string? Vague { get; init; }

    /// <summary>Where the count is written (the number, or the implied phrase).</summary>
    public required CharRange Range { get; init; }

    /// <summary>Tokens the figure covers, from the count to the casualty word, whichever comes first.</summary>
    public required int FirstToken { get; init; }

    public required int EndToken { get; init; }

    /// <summary>The casualty word, if the figure has one of its own (not inherited).</summary>
    public LexiconMention? Casualty { get; init; }

    /// <summary>The victim noun right after the number, if any.</summary>
    public LexiconMention? Victim { get; init; }

    /// <summary>Actor ids that name the victims' side ("30 regime soldiers").</summary>
    public List<string> VictimSide { get; } = [];

    /// <summary>The sides of the other parts of the same count ("30 regime soldiers and 45 rebels were killed": the
    /// rebels' for the soldiers), who fought this part's side.</summary>
    public List<string> OtherSides { get; } = [];

    /// <summary>Sub-counts by category (civilian, child, woman, fighter), with where each is written.</summary>
    public Dictionary<string, (long Value, CharRange Range)> Breakdown { get; } = [];

    public required int Sentence { get; init; }
}
