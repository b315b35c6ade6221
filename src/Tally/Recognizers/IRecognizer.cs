using Tally.Text;

namespace Tally.Recognizers;

/// <summary>
/// Finds one kind of mention in a document and adds it to the document's layer for that kind.
/// </summary>
/// <remarks>
/// A recognizer reads the document's tokens (and the layers of recognizers that ran before it) and writes only its
/// own layer. It must take time linear in the document's length and never throw on any text.
/// Implementations are immutable after construction and safe to share between threads.
/// </remarks>
public interface IRecognizer
{
    /// <summary>The recognizer's name, as shown in span dumps and errors (e.g. "number").</summary>
    string Name { get; }

    /// <summary>Adds the mentions found in <paramref name="document"/> to its layer.</summary>
    void Recognize(Document document);
}
