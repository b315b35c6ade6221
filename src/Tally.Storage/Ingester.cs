using System.Diagnostics;
using System.Globalization;
using Tally.Extraction;
using Tally.Formats;

namespace Tally.Storage;

/// <summary>Where an ingest is: what it has read and done so far.</summary>
public sealed record IngestProgress(long Read, long Added, long Replaced, long Unchanged, long Superseded, long Failed, long Problems, long Duplicates, TimeSpan Elapsed)
{
    /// <summary>Articles read per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Reads articles into the record: extracts each new or changed article, links it to the earlier articles it repeats,
/// and stores everything with the problems met while reading, in transactions of <see cref="BatchSize"/> articles.
/// </summary>
/// <remarks>
/// <para>An article is known by its id and the hash of its normalized content: the same article again changes nothing;
/// a changed one is extracted again and its old claims replaced, its earlier text kept as superseded (so an input
/// that holds two versions of one article loses neither, and ingesting it again changes nothing). A run killed at any point loses only its open batch,
/// and running it again ends in the same record as a run that was never interrupted, since articles are taken in the
/// same order and each decision depends only on what the record held before it.</para>
/// </remarks>
public sealed class Ingester(Store store, Extractor extractor)
{
    private readonly List<ReadProblem> _pending = [];
    private readonly Dictionary<string, HashSet<ulong>> _shingles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong[]> _signatures = new(StringComparer.Ordinal);
    private long _problems;

    /// <summary>Articles per transaction.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>Threads that extract the articles of a batch ahead of storing them (1: extraction in line). The record is
    /// the same whatever the number: storing stays in input order on one thread.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Called about four times a second while the ingest runs, and once at the end.</summary>
    public Action<IngestProgress>? OnProgress { get; init; }

    /// <summary>Keeps a problem met while reading; it is stored with the batch it was met in. Use as <see cref="ReaderOptions.OnProblem"/>.</summary>
    public void Problem(ReadProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _pending.Add(problem);
        _problems++;
    }

    /// <summary>Ingests <paramref name="articles"/>; returns the totals.</summary>
    public IngestProgress Run(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var clock = Stopwatch.StartNew();
        long read = 0, added = 0, replaced = 0, unchanged = 0, superseded = 0, failed = 0, duplicates = 0, inBatch = 0;
        var lastReport = TimeSpan.Zero;
        IngestProgress Progress() => new(read, added, replaced, unchanged, superseded, failed, _problems, duplicates, clock.Elapsed);

        store.Begin();
        try
        {
            foreach (var (article, hash, ahead) in Prefetched(articles))
            {
                read++;
                var known = store.Find(article.Id);
                if (known is { } k && k.Hash == hash)
                {
                    unchanged++;
                }
                else if (known is not null && store.IsSuperseded(article.Id, hash))
                {
                    // An earlier version of an article the record holds a newer one of: kept already, nothing to do.
                    superseded++;
                }
                else
                {
                    if (known is not null)
                    {
                        store.Supersede(article.Id);
                    }

                    long seq = known?.Seq ?? store.NextSeq();
                    if (!Save(article, hash, seq, ahead, ref duplicates))
                    {
                        failed++;
                    }

                    if (known is null)
                    {
                        added++;
                    }
                    else
                    {
                        replaced++;
                    }
                }

                if (++inBatch >= BatchSize)
                {
                    Flush();
                    store.Commit();
                    store.Begin();
                    inBatch = 0;
                }

                if (OnProgress is not null && clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(250))
                {
                    lastReport = clock.Elapsed;
                    OnProgress(Progress());
                }
            }

            Flush();
            store.Commit();
        }
        catch
        {
            store.Rollback();
            throw;
        }

        var final = Progress();
        OnProgress?.Invoke(final);
        return final;
    }

    /// <summary>
    /// The articles with their content hash and, when <see cref="Threads"/> is more than one, their extraction done
    /// ahead in parallel for each batch (only for those the record does not already hold as they are).
    /// </summary>
    private IEnumerable<(Article Article, string Hash, Extracted? Ahead)> Prefetched(IEnumerable<Article> articles)
    {
        if (Threads <= 1)
        {
            foreach (var article in articles)
            {
                yield return (article, NearDuplicates.ContentHash(article.Title, article.Text), null);
            }

            yield break;
        }

        var batch = new List<(Article Article, string Hash, Extracted? Ahead)>(BatchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        using var source = articles.GetEnumerator();
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && source.MoveNext())
            {
                var article = source.Current;
                batch.Add((article, NearDuplicates.ContentHash(article.Title, article.Text), null));
            }

            if (batch.Count == 0)
            {
                yield break;
            }

            // Reading the record stays on this thread; extraction (pure) runs on the others.
            var needed = new bool[batch.Count];
            for (int k = 0; k < batch.Count; k++)
            {
                needed[k] = store.Find(batch[k].Article.Id) is not { } known || known.Hash != batch[k].Hash;
            }

            Parallel.For(0, batch.Count, parallel, k =>
            {
                if (needed[k])
                {
                    batch[k] = batch[k] with { Ahead = Extract(batch[k].Article) };
                }
            });
            foreach (var item in batch)
            {
                yield return item;
            }
        }
    }

    /// <summary>An article's extraction, or the failure of it.</summary>
    private sealed record Extracted(ArticleExtraction? Extraction, Exception? Error);

    private Extracted Extract(Article article)
    {
        try
        {
            return new Extracted(extractor.Extract(article), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Extracted(null, e);
        }
    }

    private bool Save(Article article, string hash, long seq, Extracted? ahead, ref long duplicates)
    {
        string origin = article.Origin?.ToString() ?? "";
        var result = ahead ?? Extract(article);
        ArticleExtraction? extraction = result.Extraction;
        string? error = null;
        if (result.Error is { } e)
        {
            // A bug must not lose the article: it is stored without claims, and the failure is a problem of its own.
            error = $"{e.GetType().Name}: {e.Message}";
            Problem(new ReadProblem(article.Origin ?? new InputPosition("-"), $"article {article.Id}: extraction failed: {error}", ProblemSeverity.Warning));
        }

        var claims = new List<ClaimRow>();
        var tallies = new List<TallyRow>();
        using var line = new MemoryStream();
        using (var writer = new ClaimsWriter(line))
        {
            if (extraction is null)
            {
                writer.WriteFailure(article.Id, error!);
            }
            else
            {
                writer.Write(extraction);
                for (int i = 0; i < extraction.Claims.Count; i++)
                {
                    var c = extraction.Claims[i];
                    claims.Add(new ClaimRow(article.Id, i)
                    {
                        Date = c.Date?.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        DatePrecision = c.DatePrecision.ToString().ToLowerInvariant(),
                        Place = c.Place?.Value,
                        Governorate = c.Governorate?.Value,
                        Killed = c.Killed.Total?.Value,
                        Injured = c.Injured.Total?.Value,
                        Perpetrators = [.. c.Perpetrators.Select(p => p.Value)],
                        Attack = c.Attack?.Value,
                        Sources = [.. c.Sources.Select(p => p.Value)],
                        Json = ClaimsWriter.ClaimJson(extraction.Document, c, withSpans: true),
                    });
                }

                for (int i = 0; i < extraction.Tallies.Count; i++)
                {
                    tallies.Add(new TallyRow(article.Id, i, extraction.Tallies[i].Killed, extraction.Tallies[i].Scope));
                }
            }
        }

        var shingles = NearDuplicates.Shingles((article.Title ?? "") + "\n" + article.Text);
        var signature = NearDuplicates.Signature(shingles);
        var bands = NearDuplicates.Bands(signature);
        var row = new ArticleRow(article.Id, hash, seq)
        {
            Title = article.Title,
            Published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Source = article.Source,
            Url = article.Url,
            Byline = article.Byline,
            Origin = origin,
            Text = article.Text,
            ClaimsLine = System.Text.Encoding.UTF8.GetString(line.ToArray()).TrimEnd('\n'),
            ClaimCount = claims.Count,
        };

        // Links to the articles this one repeats (or that repeat it), decided before it is saved.
        var links = new List<DuplicateRow>();
        foreach (var candidate in store.Candidates(article.Id, bands))
        {
            var other = ShinglesOf(candidate);
            if (!NearDuplicates.MayContain(signature, shingles.Count, SignatureOf(candidate, other), other.Count))
            {
                continue;
            }

            double containment = NearDuplicates.Containment(shingles, other);
            if (containment >= NearDuplicates.Threshold)
            {
                var otherSeq = store.Find(candidate)!.Value.Seq;
                links.Add(otherSeq < seq ? new DuplicateRow(article.Id, candidate, containment) : new DuplicateRow(candidate, article.Id, containment));
            }
        }

        store.Save(row, claims, tallies, bands);
        foreach (var link in links)
        {
            store.AddDuplicate(link);
            duplicates++;
        }

        if (_shingles.Count < 50_000)
        {
            _shingles[article.Id] = shingles;
            _signatures[article.Id] = signature;
        }

        return extraction is not null;
    }

    private ulong[] SignatureOf(string id, HashSet<ulong> shingles)
    {
        if (_signatures.TryGetValue(id, out var known))
        {
            return known;
        }

        var signature = NearDuplicates.Signature(shingles);
        if (_signatures.Count < 50_000)
        {
            _signatures[id] = signature;
        }

        return signature;
    }

    private HashSet<ulong> ShinglesOf(string id)
    {
        if (_shingles.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var content = store.ContentOf(id);
        var shingles = content is { } c ? NearDuplicates.Shingles((c.Title ?? "") + "\n" + c.Text) : [];
        if (_shingles.Count < 50_000)
        {
            _shingles[id] = shingles;
        }

        return shingles;
    }

    private void Flush()
    {
        foreach (var p in _pending)
        {
            store.AddProblem(new ProblemRow(p.Position.File, p.Position.Line ?? 0, p.Position.Row ?? 0,
                p.Severity == ProblemSeverity.Skipped ? "skipped" : "warning", p.Reason));
        }

        _pending.Clear();
    }
}
