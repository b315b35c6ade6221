namespace Tally.Text;

/// <summary>
/// Maps character offsets in a normalized text back to offsets in the raw text it was made from.
/// </summary>
/// <remarks>
/// <para>Normalization changes few characters (a curly quote, a dash, a no-break space), so the map stores only
/// the edited regions ("anchors"); between anchors the two texts agree character for character and offsets
/// differ by a constant. A lookup is a binary search over the anchors: O(log k) for k edits, and no memory at all
/// for a text that normalization left unchanged.</para>
/// <para>An anchor replaces the raw characters <c>[RawStart, RawEnd)</c> by the normalized characters
/// <c>[NormStart, NormEnd)</c>; either side may be empty (a deleted zero-width space has an empty normalized side).
/// A start offset inside an anchor maps to the start of its raw region, an end offset inside it to the end, so a
/// range never cuts a raw character sequence that normalization treated as one.</para>
/// <threadsafety>Immutable and safe to share between threads.</threadsafety>
/// </remarks>
public sealed class OffsetMap
{
    private readonly int[] _normStart;
    private readonly int[] _normEnd;
    private readonly int[] _rawStart;
    private readonly int[] _rawEnd;

    private OffsetMap(int rawLength, int normalizedLength, int[] normStart, int[] normEnd, int[] rawStart, int[] rawEnd)
    {
        RawLength = rawLength;
        NormalizedLength = normalizedLength;
        _normStart = normStart;
        _normEnd = normEnd;
        _rawStart = rawStart;
        _rawEnd = rawEnd;
    }

    /// <summary>The map of a text that normalization left unchanged.</summary>
    public static OffsetMap Identity(int length) => new(length, length, [], [], [], []);

    /// <summary>Length of the raw text.</summary>
    public int RawLength { get; }

    /// <summary>Length of the normalized text.</summary>
    public int NormalizedLength { get; }

    /// <summary>Whether the normalized text is the raw text.</summary>
    public bool IsIdentity => _normStart.Length == 0;

    /// <summary>The raw offset at which a range starting at normalized offset <paramref name="offset"/> starts.</summary>
    public int ToRawStart(int offset)
    {
        CheckOffset(offset);
        // The last anchor that starts at or before the offset.
        int i = LastAnchorStartingAtOrBefore(offset, inclusive: true);
        if (i < 0)
        {
            return offset;
        }

        return offset < _normEnd[i] ? _rawStart[i] : _rawEnd[i] + (offset - _normEnd[i]);
    }

    /// <summary>The raw offset at which a range ending at normalized offset <paramref name="offset"/> ends.</summary>
    public int ToRawEnd(int offset)
    {
        CheckOffset(offset);
        // The last anchor that starts strictly before the offset: an anchor starting at the offset lies after the range.
        int i = LastAnchorStartingAtOrBefore(offset, inclusive: false);
        if (i < 0)
        {
            return offset;
        }

        return offset <= _normEnd[i] ? _rawEnd[i] : _rawEnd[i] + (offset - _normEnd[i]);
    }

    /// <summary>The raw range that a normalized range came from.</summary>
    public CharRange ToRaw(CharRange normalized) =>
        normalized.IsEmpty
            ? new CharRange(ToRawStart(normalized.Start), ToRawStart(normalized.Start))
            : new CharRange(ToRawStart(normalized.Start), ToRawEnd(normalized.End));

    private int LastAnchorStartingAtOrBefore(int offset, bool inclusive)
    {
        int lo = 0, hi = _normStart.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            bool before = inclusive ? _normStart[mid] <= offset : _normStart[mid] < offset;
            if (before)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    private void CheckOffset(int offset)
    {
        if ((offset < 0 || offset > NormalizedLength))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Offset {offset} is outside the normalized text [0, {NormalizedLength}].");
        }
    }

    /// <summary>Collects the anchors of one normalization, in order.</summary>
    internal sealed class Builder
    {
        private readonly List<int> _normStart = [];
        private readonly List<int> _normEnd = [];
        private readonly List<int> _rawStart = [];
        private readonly List<int> _rawEnd = [];

        /// <summary>Records that raw <c>[rawStart, rawEnd)</c> became normalized <c>[normStart, normEnd)</c>.</summary>
        public void Add(int rawStart, int rawEnd, int normStart, int normEnd)
        {
            // Edits that touch are merged only when one of them deletes: a deletion shares its normalized offset with
            // its neighbour, and one anchor per normalized offset keeps lookups unambiguous.
            int last = _rawEnd.Count - 1;
            bool deletes = normStart == normEnd || (last >= 0 && _normStart[last] == _normEnd[last]);
            if (last >= 0 && deletes && _rawEnd[last] == rawStart && _normEnd[last] == normStart)
            {
                _rawEnd[last] = rawEnd;
                _normEnd[last] = normEnd;
                return;
            }

            _rawStart.Add(rawStart);
            _rawEnd.Add(rawEnd);
            _normStart.Add(normStart);
            _normEnd.Add(normEnd);
        }

        public OffsetMap Build(int rawLength, int normalizedLength) =>
            new(rawLength, normalizedLength, [.. _normStart], [.. _normEnd], [.. _rawStart], [.. _rawEnd]);
    }
}
