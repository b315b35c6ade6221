namespace Tally.Text;

/// <summary>
/// A half-open range <c>[Start, End)</c> of character (UTF-16 code unit) offsets into one text.
/// </summary>
/// <remarks>
/// Every range in Tally is half-open, like <see cref="Range"/> and spaCy's character offsets:
/// <c>Start</c> is the first character inside, <c>End</c> the first character after. An empty range has
/// <c>Start == End</c>. Which text a range refers to is stated where the range is held: ranges of a
/// <see cref="Document"/>'s tokens and mentions index its normalized <see cref="Document.Text"/>, and
/// <see cref="Document.ToRaw(CharRange)"/> turns them into ranges of the original article text.
/// </remarks>
public readonly record struct CharRange
{
    /// <summary>Creates the range <c>[start, end)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative or after <paramref name="end"/>.</exception>
    public CharRange(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"A range needs 0 <= start <= end; got [{start}, {end}).");
        }

        Start = start;
        End = end;
    }

    /// <summary>The offset of the first character inside the range.</summary>
    public int Start { get; }

    /// <summary>The offset just after the last character inside the range.</summary>
    public int End { get; }

    /// <summary>The number of characters in the range.</summary>
    public int Length => End - Start;

    /// <summary>Whether the range holds no character.</summary>
    public bool IsEmpty => End == Start;

    /// <summary>The smallest range that covers both this range and <paramref name="other"/>.</summary>
    public CharRange Union(CharRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>The characters of <paramref name="text"/> inside the range, without copying.</summary>
    public ReadOnlySpan<char> Of(string text) => text.AsSpan(Start, Length);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}, {End})";
}
