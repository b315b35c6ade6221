using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tally.Geography;

namespace Tally.Storage;

/// <summary>Which database holds the record.</summary>
public enum StoreKind : byte
{
    /// <summary>A SQLite file: the default, for one recorder.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for a team sharing one record.</summary>
    PostgreSql,
}

/// <summary>
/// The record: articles, their claims (with spans) and tallies, problems met while reading, and near-duplicate links,
/// in a SQLite file or a PostgreSQL database, through one interface and the same SQL.
/// </summary>
/// <remarks>
/// <para>Opening applies the schema migrations the database lacks (<see cref="Migrations"/>). Writes happen inside
/// <see cref="Begin"/> / <see cref="Commit"/>: a batch is all there or not at all.</para>
/// <para>Not thread-safe: one store per thread.</para>
/// </remarks>
public sealed class Store : IDisposable
{
    /// <summary>The environment variable that names the record when <c>--db</c> is not given.</summary>
    public const string Variable = "TALLY_DB";

    /// <summary>The SQLite file used when neither <c>--db</c> nor <see cref="Variable"/> names one.</summary>
    public const string DefaultFile = "tally.db";

    private readonly DbConnection _connection;
    private readonly SqliteStatements? _sqlite;
    private DbTransaction? _transaction;

    private Store(DbConnection connection, StoreKind kind, string location)
    {
        _connection = connection;
        _sqlite = connection is SqliteConnection sqlite ? new SqliteStatements(sqlite) : null;
        Kind = kind;
        Location = location;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public StoreKind Kind { get; }

    /// <summary>Where the record is, without any password.</summary>
    public string Location { get; }

    /// <summary>
    /// Opens the record at <paramref name="location"/>: a <c>postgresql://</c> (or <c>postgres://</c>) address, or a
    /// SQLite file path (created if missing); when <c>null</c>, <see cref="Variable"/> or <see cref="DefaultFile"/>.
    /// </summary>
    public static Store Open(string? location = null)
    {
        location ??= Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultFile;
        Store store;
        if (location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            var (connectionString, shown) = PostgresConnectionString(location);
            var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            store = new Store(connection, StoreKind.PostgreSql, shown);
        }
        else
        {
            var full = Path.GetFullPath(location);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
            connection.Open();
            store = new Store(connection, StoreKind.Sqlite, full);
            // A page cache of 64 MB and reads through a memory map: the LSH buckets are looked up at random, and a cache of
            // SQLite's default 2 MB sends most of those lookups to the kernel once the record outgrows it. Statement journals
            // (which a statement inserting several rows keeps, to undo itself) in memory rather than in a temporary file:
            // that took a fifth of the time of storing an article.
            store.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA mmap_size=1073741824; PRAGMA temp_store=MEMORY;");
        }

        try
        {
            Migrations.Apply(store);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>Turns <c>postgresql://user:password@host:port/database?option=value</c> into Npgsql's form.</summary>
    internal static (string ConnectionString, string Shown) PostgresConnectionString(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Length > 0 ? uri.Host : "localhost",
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        var shown = $"postgresql://{(builder.Username is { } u ? u + "@" : "")}{builder.Host}:{builder.Port}/{builder.Database}";
        return (builder.ToString(), shown);
    }

    /// <summary>Starts a batch of writes.</summary>
    public void Begin() => _transaction = _connection.BeginTransaction(IsolationLevel.ReadCommitted);

    /// <summary>Makes the batch's writes durable.</summary>
    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>Drops the batch's writes.</summary>
    public void Rollback()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _transaction = null;
    }

    /// <summary>The content hash and ingest order number of the article with this id, if the record has it.</summary>
    public (string Hash, long Seq)? Find(string id) =>
        Query("SELECT hash, seq FROM articles WHERE id = @id", r => (r.GetString(0), r.GetInt64(1)), ("id", id)) is [var only] ? only : null;

    /// <summary>Whether <paramref name="hash"/> is an earlier version of the article <paramref name="id"/>, replaced since.</summary>
    public bool IsSuperseded(string id, string hash) =>
        Scalar("SELECT 1 FROM superseded WHERE article_id = @id AND hash = @hash", ("id", id), ("hash", hash)) is not null;

    /// <summary>Keeps the current version of article <paramref name="id"/> among its earlier versions, before a newer one replaces it.</summary>
    public void Supersede(string id) =>
        Execute("INSERT INTO superseded (article_id, hash, title, text) SELECT id, hash, title, text FROM articles WHERE id = @id ON CONFLICT DO NOTHING", ("id", id));

    /// <summary>The earlier versions of an article (or of all), by article and hash.</summary>
    public IReadOnlyList<(string ArticleId, string Hash, string? Title, string Text)> Superseded(string? id = null) =>
        Query("SELECT article_id, hash, title, text FROM superseded" + (id is null ? "" : " WHERE article_id = @id") + " ORDER BY article_id, hash",
            r => (r.GetString(0), r.GetString(1), Text(r, 2), r.GetString(3)), ("id", id));

    /// <summary>The ingest order number the next new article gets.</summary>
    public long NextSeq() => Convert.ToInt64(Scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles"), CultureInfo.InvariantCulture);

    /// <summary>
    /// Stores an article with its claims, tallies and LSH buckets. When <paramref name="isNew"/> is false, whatever the
    /// record held under its id is replaced (claims, tallies, buckets and its own duplicate links); a new article has
    /// nothing to replace, which spares the deletes.
    /// </summary>
    public void Save(ArticleRow article, IReadOnlyList<ClaimRow> claims, IReadOnlyList<TallyRow> tallies, IReadOnlyList<long> buckets, bool isNew = false)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(buckets);
        var id = ("id", (object?)article.Id);
        if (!isNew)
        {
            Execute("DELETE FROM claims WHERE article_id = @id", id);
            Execute("DELETE FROM tallies WHERE article_id = @id", id);
            Execute("DELETE FROM duplicates WHERE article_id = @id", id);
            foreach (var old in SignatureOf(article.Id) is { } known ? NearDuplicates.Buckets(known.Signature) : [])
            {
                // The buckets of the version replaced, found from its signature (the table is kept in bucket order).
                Execute("DELETE FROM buckets WHERE bucket = @b AND article_id = @id", ("b", old), id);
            }
        }

        string? signature = article.Signature is null ? null : NearDuplicates.FormatSignature(article.Signature);
        if (_sqlite is not null)
        {
            _sqlite.Save(article, signature, claims, tallies, buckets);
            return;
        }

        Execute("""
            INSERT INTO articles (id, hash, seq, title, published, source, url, byline, origin, text, claim_count, signature,
              shingle_count)
            VALUES (@id, @hash, @seq, @title, @published, @source, @url, @byline, @origin, @text, @count, @signature, @shingles)
            ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, title = excluded.title, published = excluded.published,
              source = excluded.source, url = excluded.url, byline = excluded.byline, origin = excluded.origin, text = excluded.text,
              claim_count = excluded.claim_count, signature = excluded.signature, shingle_count = excluded.shingle_count
            """,
            id, ("hash", article.Hash), ("seq", article.Seq), ("title", article.Title), ("published", article.Published),
            ("source", article.Source), ("url", article.Url), ("byline", article.Byline), ("origin", article.Origin), ("text", article.Text),
            ("count", (long)article.ClaimCount),
            ("signature", signature),
            ("shingles", article.ShingleCount is { } n ? (long)n : null));
        // The claims in statements of up to eight rows each: one statement's overhead for several rows, and few
        // statement texts to keep prepared.
        for (int start = 0; start < claims.Count; start += ClaimsPerStatement)
        {
            int rows = Math.Min(ClaimsPerStatement, claims.Count - start);
            var sql = new StringBuilder("""
                INSERT INTO claims (article_id, ordinal, date, date_precision, place, place_key, governorate, killed, injured,
                  perpetrators, attack, sources, json) VALUES
                """);
            var values = new (string, object?)[1 + rows * 12];
            values[0] = id;
            for (int r = 0; r < rows; r++)
            {
                var c = claims[start + r];
                sql.Append(CultureInfo.InvariantCulture,
                    $"{(r == 0 ? " " : ", ")}(@id, @o{r}, @d{r}, @dp{r}, @p{r}, @k{r}, @g{r}, @ki{r}, @in{r}, @pe{r}, @a{r}, @s{r}, @j{r})");
                int v = 1 + r * 12;
                values[v] = ($"o{r}", (long)c.Ordinal);
                values[v + 1] = ($"d{r}", c.Date);
                values[v + 2] = ($"dp{r}", c.DatePrecision);
                values[v + 3] = ($"p{r}", c.Place);
                values[v + 4] = ($"k{r}", c.Place is null ? null : NameKey.Of(c.Place));
                values[v + 5] = ($"g{r}", c.Governorate);
                values[v + 6] = ($"ki{r}", c.Killed);
                values[v + 7] = ($"in{r}", c.Injured);
                values[v + 8] = ($"pe{r}", List(c.Perpetrators));
                values[v + 9] = ($"a{r}", c.Attack);
                values[v + 10] = ($"s{r}", List(c.Sources));
                values[v + 11] = ($"j{r}", c.Json);
            }

            Execute(sql.ToString(), values);
        }

        foreach (var t in tallies)
        {
            Execute("INSERT INTO tallies (article_id, ordinal, killed, scope) VALUES (@id, @ordinal, @killed, @scope)",
                id, ("ordinal", (long)t.Ordinal), ("killed", t.Killed), ("scope", t.Scope));
        }

        if (buckets.Count > 0)
        {
            // One statement for all of an article's buckets (the same text for all with as many, so it stays prepared).
            var sql = new StringBuilder("INSERT INTO buckets (bucket, seq, article_id) VALUES ");
            var values = new (string, object?)[buckets.Count + 2];
            values[0] = id;
            values[1] = ("seq", article.Seq);
            for (int b = 0; b < buckets.Count; b++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(b == 0 ? "" : ", ")}(@b{b}, @seq, @id)");
                values[2 + b] = ($"b{b}", buckets[b]);
            }

            Execute(sql.Append(" ON CONFLICT DO NOTHING").ToString(), values);
        }
    }

    private const int ClaimsPerStatement = 8;

    /// <summary>
    /// The articles in the LSH buckets <paramref name="buckets"/> (see <see cref="NearDuplicates.Buckets"/>), in
    /// ingest order, each with the bucket it was found in (an article in two of them comes twice).
    /// </summary>
    public IReadOnlyList<BucketMember> Members(IReadOnlyList<long> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (buckets.Count == 0)
        {
            return [];
        }

        var members = _sqlite is not null ? _sqlite.Members(buckets) : MembersQueried(buckets);
        members.Sort(static (a, b) => a.Seq != b.Seq ? a.Seq.CompareTo(b.Seq) : a.Bucket.CompareTo(b.Bucket));
        return members;
    }

    private List<BucketMember> MembersQueried(IReadOnlyList<long> buckets)
    {
        // One statement, the same text for all lists as long: one index search per bucket.
        var sql = new StringBuilder("SELECT bucket, seq, article_id FROM buckets WHERE bucket IN (");
        var parameters = new (string, object?)[buckets.Count];
        for (int i = 0; i < buckets.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}@b{i}");
            parameters[i] = ($"b{i}", buckets[i]);
        }

        return Query(sql.Append(')').ToString(), r => new BucketMember(r.GetInt64(0), r.GetInt64(1), r.GetString(2)), parameters);
    }

    /// <summary>The MinHash signature and shingle count the record keeps for article <paramref name="id"/>
    /// (<c>null</c> for articles stored before signatures were kept, or not in the record).</summary>
    public (ulong[] Signature, int ShingleCount)? SignatureOf(string id) =>
        Query("SELECT signature, shingle_count FROM articles WHERE id = @id",
            r => r.IsDBNull(0) || r.IsDBNull(1) || NearDuplicates.ParseSignature(r.GetString(0)) is not { } signature
                ? ((ulong[], int)?)null
                : (signature, (int)r.GetInt64(1)), ("id", id)) is [var only] ? only : null;

    /// <summary>The articles stored before the record kept signatures (schema step 6), by ingest order: found in a partial
    /// index (step 7), so that asking costs nothing once there are none, however large the record.</summary>
    public IReadOnlyList<(long Seq, string Id)> Unsigned() =>
        Query("SELECT seq, id FROM articles WHERE signature IS NULL ORDER BY seq", r => (r.GetInt64(0), r.GetString(1)));

    /// <summary>Keeps an article's signature and puts it in the LSH buckets <paramref name="buckets"/>.</summary>
    public void SaveSignature(string id, long seq, ulong[] signature, int shingleCount, IReadOnlyList<long> buckets)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(buckets);
        Execute("UPDATE articles SET signature = @signature, shingle_count = @shingles WHERE id = @id",
            ("id", id), ("signature", NearDuplicates.FormatSignature(signature)), ("shingles", (long)shingleCount));
        foreach (var bucket in buckets)
        {
            Execute("INSERT INTO buckets (bucket, seq, article_id) VALUES (@b, @seq, @id) ON CONFLICT DO NOTHING", ("b", bucket), ("seq", seq), ("id", id));
        }
    }

    /// <summary>The title and text of an article, if the record has it.</summary>
    public (string? Title, string Text)? ContentOf(string id) =>
        Query("SELECT title, text FROM articles WHERE id = @id", r => ((string?)(r.IsDBNull(0) ? null : r.GetString(0)), r.GetString(1)), ("id", id))
            is [var only] ? only : null;

    /// <summary>Records that <paramref name="link"/>'s article repeats an earlier one.</summary>
    public void AddDuplicate(DuplicateRow link)
    {
        ArgumentNullException.ThrowIfNull(link);
        Execute("INSERT INTO duplicates (article_id, of_id, containment) VALUES (@id, @of, @c) ON CONFLICT DO NOTHING",
            ("id", link.ArticleId), ("of", link.Of), ("c", Math.Round(link.Containment, 4)));
    }

    /// <summary>Records a problem met while reading (once: the same problem again changes nothing).</summary>
    public void AddProblem(ProblemRow problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Execute("INSERT INTO problems (file, line, row_number, severity, reason) VALUES (@file, @line, @row, @severity, @reason) ON CONFLICT DO NOTHING",
            ("file", problem.File), ("line", problem.Line), ("row", problem.Row), ("severity", problem.Severity), ("reason", problem.Reason));
    }

    /// <summary>The articles, in ingest order.</summary>
    public IReadOnlyList<ArticleRow> Articles(string? id = null) =>
        Query("SELECT id, hash, seq, title, published, source, url, origin, text, claim_count, byline FROM articles"
            + (id is null ? "" : " WHERE id = @id") + " ORDER BY seq",
            r => new ArticleRow(r.GetString(0), r.GetString(1), r.GetInt64(2))
            {
                Title = Text(r, 3), Published = Text(r, 4), Source = Text(r, 5), Url = Text(r, 6), Origin = Text(r, 7),
                Text = r.GetString(8), ClaimCount = (int)r.GetInt64(9), Byline = Text(r, 10),
            },
            ("id", id));

    /// <summary>How many earlier versions of articles the record keeps: it grows whenever an article changes.</summary>
    public long SupersededCount() => Convert.ToInt64(Scalar("SELECT COUNT(*) FROM superseded"), CultureInfo.InvariantCulture);

    /// <summary>Records a review (replacing an earlier one of the same claim).</summary>
    public void SaveReview(ReviewRow review)
    {
        ArgumentNullException.ThrowIfNull(review);
        Execute("""
            INSERT INTO reviews (article_id, claim_key, decision, correction, who, at) VALUES (@a, @k, @d, @c, @w, @t)
            ON CONFLICT (article_id, claim_key) DO UPDATE SET decision = excluded.decision, correction = excluded.correction,
              who = excluded.who, at = excluded.at
            """,
            ("a", review.ArticleId), ("k", review.ClaimKey), ("d", review.Decision), ("c", review.Correction), ("w", review.Who), ("t", review.At));
    }

    /// <summary>A stamp that changes whenever a review is added or changed (their count, latest time and what they say).</summary>
    public string ReviewStamp() =>
        Query("SELECT COUNT(*), MAX(at), COALESCE(SUM(LENGTH(decision) + COALESCE(LENGTH(correction), 0)), 0) FROM reviews",
            r => string.Create(CultureInfo.InvariantCulture, $"{r.GetInt64(0)}@{(r.IsDBNull(1) ? "" : r.GetString(1))}#{Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)}")).Single();

    /// <summary>The reviews of an article (or of all), by article and key.</summary>
    public IReadOnlyList<ReviewRow> ReviewsOf(string? articleId = null) =>
        Query("SELECT article_id, claim_key, decision, correction, who, at FROM reviews" + (articleId is null ? "" : " WHERE article_id = @id")
            + " ORDER BY article_id, claim_key",
            r => new ReviewRow(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetString(4), r.GetString(5)), ("id", articleId));

    /// <summary>The claims <paramref name="filter"/> keeps, each with its review applied (rejected ones with their
    /// review marked, not dropped): the JSON, with <c>review</c> when a recorder decided.</summary>
    public IReadOnlyList<(ClaimRow Row, JsonObject Reviewed, bool Rejected)> ReviewedClaims(ClaimFilter? filter = null)
    {
        var claims = Claims(filter);
        var reviews = ReviewsOf(filter?.Article).ToDictionary(r => (r.ArticleId, r.ClaimKey));
        if (reviews.Count == 0)
        {
            return [.. claims.Select(c => (c, JsonNode.Parse(c.Json)!.AsObject(), false))];
        }

        // A claim's key depends on the claims before it in its article: the whole article's, which an unfiltered (or
        // article-only) query already has, and others fetch per article.
        bool whole = filter is null || filter with { Article = null } == new ClaimFilter();
        var byArticle = claims.GroupBy(c => c.ArticleId).ToDictionary(g => g.Key,
            g => whole ? (IReadOnlyList<ClaimRow>)[.. g] : Claims(new ClaimFilter { Article = g.Key }));
        var result = new List<(ClaimRow, JsonObject, bool)>(claims.Count);
        foreach (var c in claims)
        {
            var review = reviews.GetValueOrDefault((c.ArticleId, Reviews.KeyOf(byArticle[c.ArticleId], c.Ordinal)));
            var applied = Reviews.Apply(c.Json, review);
            if (applied is null)
            {
                var marked = JsonNode.Parse(c.Json)!.AsObject();
                marked["review"] = new JsonObject { ["decision"] = "reject", ["who"] = review!.Who, ["at"] = review.At };
                result.Add((c, marked, true));
            }
            else
            {
                result.Add((c, applied, false));
            }
        }

        return result;
    }

    /// <summary>Creates an API token named <paramref name="name"/>: returns the token, of which the record keeps only a hash.</summary>
    public string CreateToken(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var token = "tly_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        Execute("INSERT INTO tokens (hash, name, created) VALUES (@hash, @name, @created)",
            ("hash", TokenHash(token)), ("name", name), ("created", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        return token;
    }

    /// <summary>The name of the token <paramref name="token"/>, or <c>null</c> when the record holds no such token.</summary>
    public string? TokenName(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Query("SELECT name FROM tokens WHERE hash = @hash", r => r.GetString(0), ("hash", TokenHash(token))) is [var name] ? name : null;
    }

    private static string TokenHash(string token) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Every article's id, ingest order, outlet and publication date (no text), in ingest order.</summary>
    public IReadOnlyList<ArticleHead> ArticleHeads() =>
        Query("SELECT id, seq, source, published, title FROM articles ORDER BY seq",
            r => new ArticleHead(r.GetString(0), r.GetInt64(1), Text(r, 2), Text(r, 3), Text(r, 4)));

    /// <summary>The claims <paramref name="filter"/> keeps, by article (in ingest order) and position.</summary>
    public IReadOnlyList<ClaimRow> Claims(ClaimFilter? filter = null)
    {
        filter ??= new ClaimFilter();
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        void Add(string condition, string name, object? value)
        {
            where.Add(condition);
            parameters.Add((name, value));
        }

        if (filter.From is { } from) Add("c.date >= @from", "from", from);
        if (filter.To is { } to) Add("c.date <= @to", "to", to);
        if (filter.Governorate is { } g) Add("LOWER(c.governorate) = LOWER(@governorate)", "governorate", g);
        if (filter.Place is { } place) Add("c.place_key = @key", "key", NameKey.Of(place));
        if (filter.Perpetrator is { } perpetrator) Add("c.perpetrators LIKE @perpetrator", "perpetrator", "%," + perpetrator + ",%");
        if (filter.Attack is { } attack) Add("c.attack = @attack", "attack", attack);
        if (filter.Source is { } source) Add("c.sources LIKE @source", "source", "%," + source + ",%");
        if (filter.Article is { } article) Add("c.article_id = @article", "article", article);

        var sql = "SELECT c.article_id, c.ordinal, c.date, c.date_precision, c.place, c.governorate, c.killed, c.injured, c.perpetrators, c.attack, c.sources, c.json "
            + "FROM claims c JOIN articles a ON a.id = c.article_id"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY a.seq, c.ordinal";
        return Query(sql, r => new ClaimRow(r.GetString(0), (int)r.GetInt64(1))
        {
            Date = Text(r, 2), DatePrecision = Text(r, 3), Place = Text(r, 4), Governorate = Text(r, 5),
            Killed = r.IsDBNull(6) ? null : r.GetInt64(6), Injured = r.IsDBNull(7) ? null : r.GetInt64(7),
            Perpetrators = Unlist(Text(r, 8)), Attack = Text(r, 9), Sources = Unlist(Text(r, 10)), Json = r.GetString(11),
        }, [.. parameters]);
    }

    /// <summary>The tallies of an article (or of all), in order.</summary>
    public IReadOnlyList<TallyRow> Tallies(string? articleId = null) =>
        Query("SELECT t.article_id, t.ordinal, t.killed, t.scope FROM tallies t JOIN articles a ON a.id = t.article_id"
            + (articleId is null ? "" : " WHERE t.article_id = @id") + " ORDER BY a.seq, t.ordinal",
            r => new TallyRow(r.GetString(0), (int)r.GetInt64(1), r.GetInt64(2), r.GetString(3)), ("id", articleId));

    /// <summary>The problems recorded, by file, line and row.</summary>
    public IReadOnlyList<ProblemRow> Problems() =>
        Query("SELECT file, line, row_number, severity, reason FROM problems ORDER BY file, line, row_number, reason",
            r => new ProblemRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), r.GetString(4)));

    /// <summary>The near-duplicate links that involve <paramref name="articleId"/> (or all), either way round.</summary>
    public IReadOnlyList<DuplicateRow> Duplicates(string? articleId = null) =>
        Query("SELECT article_id, of_id, containment FROM duplicates"
            + (articleId is null ? "" : " WHERE article_id = @id OR of_id = @id") + " ORDER BY article_id, of_id",
            r => new DuplicateRow(r.GetString(0), r.GetString(1), r.GetDouble(2)), ("id", articleId));

    /// <summary>How many of each thing the record holds.</summary>
    public StoreCounts Count()
    {
        long N(string table) => Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);
        return new StoreCounts(N("articles"), N("claims"), N("tallies"), N("problems"), N("duplicates"));
    }

    /// <summary>
    /// The whole record as text, in a fixed order, the same on both back ends: two records with equal dumps hold the
    /// same things.
    /// </summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        foreach (var a in Articles())
        {
            sb.Append(CultureInfo.InvariantCulture, $"article\t{a.Seq}\t{a.Id}\t{a.Hash}\t{a.Title}\t{a.Published}\t{a.Source}\t{a.Url}\t{a.Byline}\t{a.Origin}\t{a.ClaimCount}\n");
        }

        foreach (var c in Claims())
        {
            sb.Append(CultureInfo.InvariantCulture, $"claim\t{c.ArticleId}\t{c.Ordinal}\t{c.Json}\n");
        }

        foreach (var t in Tallies())
        {
            sb.Append(CultureInfo.InvariantCulture, $"tally\t{t.ArticleId}\t{t.Ordinal}\t{t.Killed}\t{t.Scope}\n");
        }

        foreach (var p in Problems())
        {
            sb.Append(CultureInfo.InvariantCulture, $"problem\t{p.File}\t{p.Line}\t{p.Row}\t{p.Severity}\t{p.Reason}\n");
        }

        foreach (var d in Duplicates())
        {
            sb.Append(CultureInfo.InvariantCulture, $"duplicate\t{d.ArticleId}\t{d.Of}\t{d.Containment:0.0000}\n");
        }

        foreach (var (id, hash, _, _) in Superseded())
        {
            sb.Append(CultureInfo.InvariantCulture, $"superseded\t{id}\t{hash}\n");
        }

        foreach (var (bucket, id) in Query("SELECT bucket, article_id FROM buckets ORDER BY article_id, bucket", r => (r.GetInt64(0), r.GetString(1))))
        {
            sb.Append(CultureInfo.InvariantCulture, $"bucket\t{id}\t{bucket:x16}\n");
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _sqlite?.Dispose();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _transaction?.Dispose();
        _connection.Dispose();
    }

    internal int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql, parameters);
        try
        {
            return command.ExecuteNonQuery();
        }
        finally
        {
            Release(command);
        }
    }

    internal object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql, parameters);
        try
        {
            return command.ExecuteScalar();
        }
        finally
        {
            Release(command);
        }
    }

    internal List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        var command = Command(sql, parameters);
        try
        {
            return Read(command, read);
        }
        finally
        {
            Release(command);
        }
    }

    private static List<T> Read<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// The statements with parameters that this store has run, kept prepared: an ingest runs the same few statements
    /// thousands of times, and preparing each anew cost more than running it. Statements without parameters (the
    /// schema's) are not kept, so that a schema change never meets a stale plan.
    /// </summary>
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    private const int MaxKeptCommands = 64;

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        if (parameters.Length > 0 && _commands.Remove(sql, out var kept) && kept.Parameters.Count == parameters.Length)
        {
            kept.Transaction = _transaction;
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = kept.Parameters[i];
                if (!IsNamed(p, parameters[i].Name))
                {
                    kept.Dispose();
                    return Command(sql, parameters);
                }

                p.Value = parameters[i].Value ?? DBNull.Value;
            }

            return kept;
        }

        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name; // with its prefix, so that SQLite finds it in one look rather than three
            p.Value = value ?? DBNull.Value; // an untyped null: the column decides

            command.Parameters.Add(p);
        }

        return command;
    }

    private static bool IsNamed(DbParameter p, string name) =>
        p.ParameterName.Length == name.Length + 1 && p.ParameterName[0] == '@' && p.ParameterName.AsSpan(1).SequenceEqual(name);

    /// <summary>Keeps a command with parameters for its next use (taken out of the cache while it runs); disposes others.</summary>
    private void Release(DbCommand command)
    {
        if (command.Parameters.Count > 0 && _commands.Count < MaxKeptCommands && _commands.TryAdd(command.CommandText, command))
        {
            return;
        }

        command.Dispose();
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static string List(IReadOnlyList<string> values) => "," + string.Join(',', values) + ",";

    private static string[] Unlist(string? s) => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
}
