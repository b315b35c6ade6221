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
    private long _problems;

    /// <summary>Articles per transaction.</summary>
    public int BatchSize { get; init; } = 200;

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
            foreach (var article in articles)
            {
                read++;
                var hash = NearDuplicates.ContentHash(article.Title, article.Text);
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
                    if (!Save(article, hash, seq, ref duplicates))
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

    private bool Save(Article article, string hash, long seq, ref long duplicates)
    {
        string origin = article.Origin?.ToString() ?? "";
        ArticleExtraction? extraction = null;
        string? error = null;
        try
        {
            extraction = extractor.Extract(article);
        }
        catch (Exception e)
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
        var bands = NearDuplicates.Bands(NearDuplicates.Signature(shingles));
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
        }

        return extraction is not null;
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
