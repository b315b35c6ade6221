using Tally.Geography;
using Tally.Recognizers;
using Tally.Text;

namespace Tally;

/// <summary>
/// The text engine and recognizers in a fixed order: turns an <see cref="Article"/> into an annotated
/// <see cref="Document"/>.
/// </summary>
/// <remarks>
/// Build one with <see cref="PipelineBuilder"/> (or take <see cref="Default"/>) and reuse it: a pipeline is immutable
/// and thread-safe, and every call works on a document of its own.
/// </remarks>
public sealed class Pipeline
{
    internal Pipeline(IReadOnlyList<IRecognizer> recognizers) => Recognizers = recognizers;

    /// <summary>The pipeline with every built-in recognizer.</summary>
    public static Pipeline Default { get; } = new PipelineBuilder().UseDefaultRecognizers().Build();

    /// <summary>The recognizers, in the order they run.</summary>
    public IReadOnlyList<IRecognizer> Recognizers { get; }

    /// <summary>Normalizes, tokenizes and splits <paramref name="article"/>, then runs every recognizer on it.</summary>
    public Document Annotate(Article article)
    {
        var document = new Document(article);
        foreach (var recognizer in Recognizers)
        {
            recognizer.Recognize(document);
        }

        return document;
    }
}

/// <summary>Assembles a <see cref="Pipeline"/>: which recognizers run, in which order.</summary>
public sealed class PipelineBuilder
{
    /// <summary>The recognizers, in the order they will run; edit freely before <see cref="Build"/>.</summary>
    public List<IRecognizer> Recognizers { get; } = [];

    /// <summary>
    /// Adds the built-in recognizers: the dateline (which fixes the publication date), numbers, dates, the lexicons
    /// (actors, sources, attack types, victim nouns, casualty words) and places, resolved on <paramref name="gazetteer"/>
    /// (the built-in one when <c>null</c>).
    /// </summary>
    public PipelineBuilder UseDefaultRecognizers(Gazetteer? gazetteer = null)
    {
        Recognizers.Add(new DatelineRecognizer());
        Recognizers.Add(new NumberRecognizer());
        Recognizers.Add(new DateRecognizer());
        Recognizers.Add(new LexiconRecognizer(Lexicons.Actors, d => d.Actors));
        Recognizers.Add(new LexiconRecognizer(Lexicons.Sources, d => d.Sources));
        Recognizers.Add(new LexiconRecognizer(Lexicons.Attacks, d => d.Attacks));
        Recognizers.Add(new LexiconRecognizer(Lexicons.Victims, d => d.Victims));
        Recognizers.Add(new LexiconRecognizer(Lexicons.Casualties, d => d.Casualties));
        Recognizers.Add(new PlaceRecognizer(gazetteer ?? Gazetteer.Default));
        return this;
    }

    /// <summary>Freezes the recognizers into a pipeline.</summary>
    public Pipeline Build() => new([.. Recognizers]);
}
