using Tally.Extraction;

namespace Tally.Cli;

/// <summary>Extracts articles on several threads and gives the results back in input order.</summary>
/// <remarks>Articles are taken in batches (so memory stays bounded whatever the input's size), each batch extracted in
/// parallel, then handed out in order: the output is the same as on one thread. An exception is the article's result,
/// not the run's.</remarks>
internal static class ParallelExtraction
{
    private const int BatchPerThread = 32;

    public static IEnumerable<(Article Article, ArticleExtraction? Extraction, Exception? Error)> Run(IEnumerable<Article> articles, Extractor extractor, int threads)
    {
        if (threads <= 1)
        {
            foreach (var article in articles)
            {
                yield return Once(article, extractor);
            }

            yield break;
        }

        var batch = new List<Article>(threads * BatchPerThread);
        var results = new (Article, ArticleExtraction?, Exception?)[threads * BatchPerThread];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        using var source = articles.GetEnumerator();
        while (true)
        {
            batch.Clear();
            while (batch.Count < results.Length && source.MoveNext())
            {
                batch.Add(source.Current);
            }

            if (batch.Count == 0)
            {
                yield break;
            }

            Parallel.For(0, batch.Count, parallel, k => results[k] = Once(batch[k], extractor));
            for (int k = 0; k < batch.Count; k++)
            {
                yield return results[k];
                results[k] = default;
            }
        }
    }

    private static (Article, ArticleExtraction?, Exception?) Once(Article article, Extractor extractor)
    {
        try
        {
            return (article, extractor.Extract(article), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (article, null, e);
        }
    }
}
