using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Tally.Storage;

/// <summary>
/// The statements an ingest runs for every article, on SQLite: prepared once on SQLite's own interface and bound by
/// position, inside the connection's transaction.
/// </summary>
/// <remarks>
/// ADO.NET binds every parameter by name, and SQLite finds a name by walking the statement's list of names: for a
/// statement of a hundred parameters, thousands of string comparisons on each run, and with them a boxed value and a
/// parameter object per value. Here a value goes straight to its position. The SQL is the one <see cref="Store"/> runs
/// on PostgreSQL, with <c>?N</c> for the parameters.
/// </remarks>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly sqlite3 _db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
    private readonly Dictionary<string, sqlite3_stmt> _prepared = new(StringComparer.Ordinal);
    private static readonly string[] MembersSql = new string[NearDuplicates.Hashes / NearDuplicates.RowsPerBand + 1];

    private const string InsertArticle = """
        INSERT INTO articles (id, hash, seq, title, published, source, url, byline, origin, text, claim_count, signature,
          shingle_count)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, title = excluded.title, published = excluded.published,
          source = excluded.source, url = excluded.url, byline = excluded.byline, origin = excluded.origin, text = excluded.text,
          claim_count = excluded.claim_count, signature = excluded.signature, shingle_count = excluded.shingle_count
        """;

    private const string InsertClaim = """
        INSERT INTO claims (article_id, ordinal, date, date_precision, place, place_key, governorate, killed, injured,
          perpetrators, attack, sources, json)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        """;

    private const string InsertTally = "INSERT INTO tallies (article_id, ordinal, killed, scope) VALUES (?1, ?2, ?3, ?4)";

    private const string InsertBucket = "INSERT INTO buckets (bucket, seq, article_id) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING";

    /// <summary>Inserts (or replaces) the article row and adds its claims, tallies and buckets.</summary>
    public void Save(ArticleRow article, string? signature, IReadOnlyList<ClaimRow> claims, IReadOnlyList<TallyRow> tallies, IReadOnlyList<long> buckets)
    {
        var s = Prepare(InsertArticle);
        Text(s, 1, article.Id);
        Text(s, 2, article.Hash);
        Integer(s, 3, article.Seq);
        Text(s, 4, article.Title);
        Text(s, 5, article.Published);
        Text(s, 6, article.Source);
        Text(s, 7, article.Url);
        Text(s, 8, article.Byline);
        Text(s, 9, article.Origin);
        Text(s, 10, article.Text);
        Integer(s, 11, article.ClaimCount);
        Text(s, 12, signature);
        Integer(s, 13, article.ShingleCount);
        Done(s);

        s = Prepare(InsertClaim);
        foreach (var c in claims)
        {
            Text(s, 1, c.ArticleId);
            Integer(s, 2, c.Ordinal);
            Text(s, 3, c.Date);
            Text(s, 4, c.DatePrecision);
            Text(s, 5, c.Place);
            Text(s, 6, c.Place is null ? null : Geography.NameKey.Of(c.Place));
            Text(s, 7, c.Governorate);
            Integer(s, 8, c.Killed);
            Integer(s, 9, c.Injured);
            Text(s, 10, Store.List(c.Perpetrators));
            Text(s, 11, c.Attack);
            Text(s, 12, Store.List(c.Sources));
            Text(s, 13, c.Json);
            Done(s);
        }

        s = Prepare(InsertTally);
        foreach (var t in tallies)
        {
            Text(s, 1, t.ArticleId);
            Integer(s, 2, t.Ordinal);
            Integer(s, 3, t.Killed);
            Text(s, 4, t.Scope);
            Done(s);
        }

        s = Prepare(InsertBucket);
        foreach (long bucket in buckets)
        {
            Integer(s, 1, bucket);
            Integer(s, 2, article.Seq);
            Text(s, 3, article.Id);
            Done(s);
        }
    }

    /// <summary>The articles in any of <paramref name="buckets"/>, one row per bucket an article is in.</summary>
    public List<BucketMember> Members(IReadOnlyList<long> buckets)
    {
        // One statement for the whole list (the same text for every list as long), one index search per bucket.
        string sql = buckets.Count < MembersSql.Length ? MembersSql[buckets.Count] ??= MembersOf(buckets.Count) : MembersOf(buckets.Count);
        var s = Prepare(sql);
        for (int i = 0; i < buckets.Count; i++)
        {
            Integer(s, i + 1, buckets[i]);
        }

        var members = new List<BucketMember>();
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(s)) == raw.SQLITE_ROW)
            {
                members.Add(new BucketMember(raw.sqlite3_column_int64(s, 0), raw.sqlite3_column_int64(s, 1), raw.sqlite3_column_text(s, 2).utf8_to_string()));
            }

            Check(rc, raw.SQLITE_DONE);
        }
        finally
        {
            raw.sqlite3_reset(s);
        }

        return members;
    }

    private static string MembersOf(int count) =>
        "SELECT bucket, seq, article_id FROM buckets WHERE bucket IN (" + string.Join(", ", Enumerable.Range(1, count).Select(i => "?" + i)) + ")";

    private sqlite3_stmt Prepare(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var statement))
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out statement), raw.SQLITE_OK);
            _prepared[sql] = statement;
        }

        return statement;
    }

    private void Text(sqlite3_stmt s, int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(s, index) : raw.sqlite3_bind_text(s, index, value), raw.SQLITE_OK);

    private void Integer(sqlite3_stmt s, int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(s, index, v) : raw.sqlite3_bind_null(s, index), raw.SQLITE_OK);

    /// <summary>Runs a statement that returns no rows, and makes it ready for its next run.</summary>
    private void Done(sqlite3_stmt s)
    {
        try
        {
            Check(raw.sqlite3_step(s), raw.SQLITE_DONE);
        }
        finally
        {
            raw.sqlite3_reset(s);
        }
    }

    private void Check(int rc, int expected)
    {
        if (rc != expected)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    public void Dispose()
    {
        foreach (var statement in _prepared.Values)
        {
            statement.Dispose();
        }

        _prepared.Clear();
    }
}
