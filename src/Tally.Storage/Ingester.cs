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
    // The latest articles' shingles and signature fingerprints, by ingest order; older ones are read back from the
    // record. Copies of a story tend to arrive close together, so shingles are kept for 2,000 articles. Fingerprints
    // (about 180 bytes each with their entry) are kept for 200,000, 36 MB: an article's buckets are shared by
    // articles from anywhere in the record (about 120 candidates an article in a synthetic one of 200,000), and reading
    // each candidate's signature back took more time than storing the article.
    private readonly Latest<HashSet<ulong>> _shingles = new(2_000);
    private readonly Latest<(ushort[] Fingerprint, int Count)> _fingerprints = new(200_000);
    private long _problems;

    /// <summary>Articles per transaction. A large record pays for each transaction with the index pages it rewrites
    /// (an article's LSH buckets land anywhere in theirs), so fewer, larger transactions write less.</summary>
    public int BatchSize { get; init; } = 5000;

    /// <summary>Articles prepared together on other threads (see <see cref="Threads"/>), whatever the transactions.</summary>
    internal int ChunkSize { get; init; } = 500;

    /// <summary>Threads that extract articles ahead of storing them (1: extraction in line). The record is
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
        long read = 0, added = 0, replaced = 0, unchanged = 0, superseded = 0, failed = 0, duplicates = 0, inBatch = 0, inChunk = 0;
        var lastReport = TimeSpan.Zero;
        IngestProgress Progress() => new(read, added, replaced, unchanged, superseded, failed, _problems, duplicates, clock.Elapsed);

        Backfill();
        store.Begin();

        // Ids saved in this chunk and in the ones before it that were stored after its record state was read ahead (see
        // Prefetched): what was read of them may be out of date.
        var savedNow = new HashSet<string>(StringComparer.Ordinal);
        var savedBefore = new Queue<HashSet<string>>();
        long nextSeq = -1;
        try
        {
            foreach (var (article, hash, ahead, looked) in Prefetched(articles))
            {
                read++;
                var known = looked is { } l && !savedNow.Contains(article.Id) && !savedBefore.Any(ids => ids.Contains(article.Id)) ? l.Known : store.Find(article.Id);
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

                    // New articles take the next numbers in turn; the record is asked once a batch (in its transaction).
                    if (known is null && nextSeq < 0)
                    {
                        nextSeq = store.NextSeq();
                    }

                    long seq = known?.Seq ?? nextSeq++;
                    savedNow.Add(article.Id);
                    if (!Save(article, seq, known is null, ahead ?? Prepare(article, hash), ref duplicates))
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
                    nextSeq = -1;
                }

                if (++inChunk >= ChunkSize)
                {
                    inChunk = 0;
                    savedBefore.Enqueue(savedNow);
                    savedNow = savedBefore.Count > ChunksAhead ? savedBefore.Dequeue() : new HashSet<string>(StringComparer.Ordinal);
                    savedNow.Clear();
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
    /// The articles with their content hash and, when <see cref="Threads"/> is more than one, what storing them needs
    /// (hash, extraction, rows, shingles) prepared ahead on other threads, <see cref="ChunkSize"/> articles at a time:
    /// while one chunk is stored, the next are prepared in parallel, for the articles the record did not hold as they
    /// are when the chunk was read (what it held is passed on). The decision to store stays with <see cref="Run"/>,
    /// made against the record as it is then (read again for an id saved since); an article prepared for nothing is
    /// dropped, one not prepared is prepared in line.
    /// </summary>
    private IEnumerable<(Article Article, string Hash, Prepared? Ahead, Looked? Looked)> Prefetched(IEnumerable<Article> articles)
    {
        if (Threads <= 1)
        {
            foreach (var article in articles)
            {
                yield return (article, NearDuplicates.ContentHash(article.Title, article.Text), null, null);
            }

            yield break;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        using var source = articles.GetEnumerator();
        var ahead = new Queue<(List<Article> Chunk, Looked[] Looked, Task<(string[] Hashes, Prepared?[] Prepared)> Preparing)>();
        while (true)
        {
            // Reading the input and the record stays on this thread; hashing and preparing (pure) run on the others.
            var chunk = new List<Article>(ChunkSize);
            while (chunk.Count < ChunkSize && source.MoveNext())
            {
                chunk.Add(source.Current);
            }

            if (chunk.Count > 0)
            {
                var looked = new Looked[chunk.Count];
                for (int k = 0; k < chunk.Count; k++)
                {
                    looked[k] = new Looked(store.Find(chunk[k].Id));
                }

                ahead.Enqueue((chunk, looked, Task.Run(() =>
                {
                    var hashes = new string[chunk.Count];
                    var prepared = new Prepared?[chunk.Count];
                    Parallel.For(0, chunk.Count, parallel, k =>
                    {
                        hashes[k] = NearDuplicates.ContentHash(chunk[k].Title, chunk[k].Text);
                        bool needed = looked[k].Known is not { } known || known.Hash != hashes[k];
                        prepared[k] = needed ? Prepare(chunk[k], hashes[k]) : null;
                    });
                    return (hashes, prepared);
                })));
            }

            // Chunks in preparation while one is stored: two, so that the other threads always have one to work on.
            if (ahead.Count > ChunksAhead || (chunk.Count == 0 && ahead.Count > 0))
            {
                var (current, currentLooked, preparing) = ahead.Dequeue();
                var (hashes, prepared) = preparing.GetAwaiter().GetResult();
                for (int k = 0; k < current.Count; k++)
                {
                    yield return (current[k], hashes[k], prepared[k], currentLooked[k]);
                }
            }
            else if (chunk.Count == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>How many chunks are prepared ahead of the one being stored.</summary>
    private const int ChunksAhead = 2;

    /// <summary>What the record held under an article's id when its chunk was read ahead.</summary>
    private sealed record Looked((string Hash, long Seq)? Known);

    /// <summary>What storing an article needs, computed from the article alone: its extraction (or the failure of it),
    /// its rows (the ingest order left 0, filled when stored) and its near-duplicate shingles, signature and buckets.</summary>
    private sealed record Prepared(
        ArticleRow Row, List<ClaimRow> Claims, List<TallyRow> Tallies, string? Error, HashSet<ulong> Shingles, ulong[] Signature, long[] Buckets);

    private Prepared Prepare(Article article, string hash)
    {
        ArticleExtraction? extraction = null;
        string? error = null;
        try
        {
            extraction = extractor.Extract(article);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug must not lose the article: it is stored without claims, and the failure is a problem of its own.
            error = $"{e.GetType().Name}: {e.Message}";
        }

        string origin = article.Origin?.ToString() ?? "";
        var claims = new List<ClaimRow>(extraction?.Claims.Count ?? 0);
        var tallies = new List<TallyRow>(extraction?.Tallies.Count ?? 0);
        for (int i = 0; extraction is not null && i < extraction.Claims.Count; i++)
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

        for (int i = 0; extraction is not null && i < extraction.Tallies.Count; i++)
        {
            tallies.Add(new TallyRow(article.Id, i, extraction.Tallies[i].Killed, extraction.Tallies[i].Scope));
        }

        var shingles = NearDuplicates.Shingles((article.Title ?? "") + "\n" + article.Text);
        var signature = NearDuplicates.Signature(shingles);
        var buckets = NearDuplicates.Buckets(signature);
        var row = new ArticleRow(article.Id, hash, 0)
        {
            Title = article.Title,
            Published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Source = article.Source,
            Url = article.Url,
            Byline = article.Byline,
            Origin = origin,
            Text = article.Text,
            ClaimCount = claims.Count,
            Signature = signature,
            ShingleCount = shingles.Count,
        };
        return new Prepared(row, claims, tallies, error, shingles, signature, buckets);
    }

    private bool Save(Article article, long seq, bool isNew, Prepared prepared, ref long duplicates)
    {
        if (prepared.Error is { } error)
        {
            Problem(new ReadProblem(article.Origin ?? new InputPosition("-"), $"article {article.Id}: extraction failed: {error}", ProblemSeverity.Warning));
        }

        var row = prepared.Row with { Seq = seq };
        var (shingles, buckets) = (prepared.Shingles, prepared.Buckets);
        var fingerprint = NearDuplicates.Fingerprint(prepared.Signature);

        // Links to the articles this one repeats (or that repeat it), decided before it is saved.
        var links = new List<DuplicateRow>();
        var members = store.Members(buckets);
        var seen = new HashSet<long>();
        var occupancy = new Dictionary<long, int>();
        foreach (var member in members)
        {
            if (member.ArticleId == article.Id)
            {
                continue; // its own earlier version, replaced below
            }

            occupancy[member.Bucket] = occupancy.GetValueOrDefault(member.Bucket) + 1;
            if (!seen.Add(member.Seq))
            {
                continue;
            }

            // The fingerprints say whether the two can reach the threshold; only then are the shingles compared.
            var (otherFingerprint, otherCount) = FingerprintOf(member.Seq, member.ArticleId);
            if (!NearDuplicates.MayContain(fingerprint, shingles.Count, otherFingerprint, otherCount))
            {
                continue;
            }

            double containment = NearDuplicates.Containment(shingles, ShinglesOf(member.Seq, member.ArticleId));
            if (containment >= NearDuplicates.Threshold)
            {
                links.Add(member.Seq < seq ? new DuplicateRow(article.Id, member.ArticleId, containment) : new DuplicateRow(member.ArticleId, article.Id, containment));
            }
        }

        // A bucket that already holds BucketCapacity articles is crowded (boilerplate many articles share) and takes
        // no more: its members stay the first that came, and true copies still meet in the buckets they alone share.
        var joined = buckets.Where(b => occupancy.GetValueOrDefault(b) < BucketCapacity).ToArray();
        store.Save(row, prepared.Claims, prepared.Tallies, joined, isNew);
        foreach (var link in links)
        {
            store.AddDuplicate(link);
            duplicates++;
        }

        _shingles.Set(seq, shingles);
        _fingerprints.Set(seq, (fingerprint, shingles.Count));
        return prepared.Error is null;
    }

    /// <summary>
    /// Gives the articles of a record written before signatures were kept (schema step 6) their signature and buckets,
    /// in ingest order, so that new articles meet them as they would have: once, on the first ingest after the upgrade.
    /// </summary>
    private void Backfill()
    {
        var unsigned = store.Unsigned();
        for (int start = 0; start < unsigned.Count; start += BatchSize)
        {
            store.Begin();
            try
            {
                foreach (var (seq, id) in unsigned.Skip(start).Take(BatchSize))
                {
                    var content = store.ContentOf(id);
                    var shingles = content is { } c ? NearDuplicates.Shingles((c.Title ?? "") + "\n" + c.Text) : [];
                    var signature = NearDuplicates.Signature(shingles);
                    var buckets = NearDuplicates.Buckets(signature);
                    var crowded = store.Members(buckets).Where(m => m.ArticleId != id).CountBy(m => m.Bucket).ToDictionary();
                    store.SaveSignature(id, seq, signature, shingles.Count, [.. buckets.Where(b => crowded.GetValueOrDefault(b) < BucketCapacity)]);
                }

                store.Commit();
            }
            catch
            {
                store.Rollback();
                throw;
            }
        }
    }

    /// <summary>Articles an LSH bucket takes, the first that come; see <see cref="Save"/>.</summary>
    public const int BucketCapacity = 8;

    private (ushort[] Fingerprint, int Count) FingerprintOf(long seq, string id)
    {
        if (_fingerprints.TryGet(seq, out var known))
        {
            return known;
        }

        if (store.SignatureOf(id) is not { } stored)
        {
            // Stored before the record kept signatures: computed from its text.
            var shingles = ShinglesOf(seq, id);
            stored = (NearDuplicates.Signature(shingles), shingles.Count);
        }

        known = (NearDuplicates.Fingerprint(stored.Signature), stored.ShingleCount);
        _fingerprints.Set(seq, known);
        return known;
    }

    private HashSet<ulong> ShinglesOf(long seq, string id)
    {
        if (_shingles.TryGet(seq, out var cached))
        {
            return cached;
        }

        var content = store.ContentOf(id);
        var shingles = content is { } c ? NearDuplicates.Shingles((c.Title ?? "") + "\n" + c.Text) : [];
        _shingles.Set(seq, shingles);
        return shingles;
    }

    /// <summary>Values for the latest <paramref name="capacity"/> keys set; the first set is the first dropped.</summary>
    private sealed class Latest<T>(int capacity)
    {
        private readonly Dictionary<long, T> _values = [];
        private readonly Queue<long> _order = new();

        public bool TryGet(long key, out T value) => _values.TryGetValue(key, out value!);

        public void Set(long key, T value)
        {
            if (_values.TryAdd(key, value))
            {
                _order.Enqueue(key);
            }
            else
            {
                _values[key] = value;
            }

            while (_order.Count > capacity)
            {
                _values.Remove(_order.Dequeue());
            }
        }
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
