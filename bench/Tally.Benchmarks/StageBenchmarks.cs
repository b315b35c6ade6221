using BenchmarkDotNet.Attributes;
using Tally.Recognizers;
using Tally.Text;

namespace Tally.Benchmarks;

/// <summary>Each stage of the text engine over the whole benchmark corpus, with allocations.</summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private IReadOnlyList<Article> _articles = [];
    private Document[] _documents = [];
    private readonly NumberRecognizer _numbers = new();
    private readonly DateRecognizer _dates = new();

    [GlobalSetup]
    public void Setup()
    {
        _articles = BenchmarkCorpus.Load();
        _documents = _articles.Select(a => new Document(a)).ToArray();
    }

    [Benchmark(Description = "normalize + tokenize + split")]
    public int Document()
    {
        int tokens = 0;
        foreach (var a in _articles)
        {
            tokens += new Document(a).Tokens.Count;
        }

        return tokens;
    }

    [Benchmark(Description = "number recognizer")]
    public int Numbers()
    {
        int found = 0;
        foreach (var d in _documents)
        {
            d.Numbers.Clear();
            _numbers.Recognize(d);
            found += d.Numbers.Count;
        }

        return found;
    }

    [Benchmark(Description = "date recognizer")]
    public int Dates()
    {
        int found = 0;
        foreach (var d in _documents)
        {
            d.Dates.Clear();
            _dates.Recognize(d);
            found += d.Dates.Count;
        }

        return found;
    }

    [Benchmark(Description = "whole extraction")]
    public int WholeExtraction()
    {
        int claims = 0;
        foreach (var a in _articles)
        {
            claims += Tally.Extraction.Extractor.Default.Extract(a).Claims.Count;
        }

        return claims;
    }
}
