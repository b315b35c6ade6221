using System.Collections;

namespace Tally.Text;

/// <summary>A read-only view of a document's tokens.</summary>
/// <remarks>A struct over the document's list, so that the recognizers' hot loops index it without an interface call;
/// it is still an <see cref="IReadOnlyList{T}"/> for everything else.</remarks>
public readonly struct TokenList : IReadOnlyList<Token>
{
    private readonly List<Token> _tokens;

    internal TokenList(List<Token> tokens) => _tokens = tokens;

    /// <summary>The number of tokens.</summary>
    public int Count => _tokens.Count;

    /// <summary>The token at <paramref name="index"/>.</summary>
    public Token this[int index] => _tokens[index];

    /// <summary>The tokens as a span (valid while the document is not changed, which it never is after construction).</summary>
    public ReadOnlySpan<Token> AsSpan() => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);

    /// <inheritdoc/>
    public List<Token>.Enumerator GetEnumerator() => _tokens.GetEnumerator();

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator() => _tokens.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _tokens.GetEnumerator();
}
