using System.Globalization;

namespace Tally.Storage;

/// <summary>
/// The record's schema, as numbered steps. Opening a store applies, in one transaction each, the steps its database
/// lacks; a step is never edited once released, only followed by another.
/// </summary>
/// <remarks>The SQL is the common part of SQLite's and PostgreSQL's: TEXT, BIGINT, DOUBLE PRECISION, ON CONFLICT; and
/// <c>{WITHOUT ROWID}</c>, which SQLite reads as its clause (a table kept in its primary key's order, one b-tree instead
/// of two) and PostgreSQL as nothing.</remarks>
public static class Migrations
{
    /// <summary>The steps, in order; the number of a step is its index plus one.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        """
        CREATE TABLE articles (
          id TEXT PRIMARY KEY,
          hash TEXT NOT NULL,
          seq BIGINT NOT NULL,
          title TEXT,
          published TEXT,
          source TEXT,
          url TEXT,
          origin TEXT,
          text TEXT NOT NULL,
          claims_line TEXT NOT NULL,
          claim_count BIGINT NOT NULL
        );
        CREATE INDEX articles_hash ON articles (hash);
        CREATE UNIQUE INDEX articles_seq ON articles (seq);
        CREATE TABLE claims (
          article_id TEXT NOT NULL,
          ordinal BIGINT NOT NULL,
          date TEXT,
          date_precision TEXT,
          place TEXT,
          place_key TEXT,
          governorate TEXT,
          killed BIGINT,
          injured BIGINT,
          perpetrators TEXT NOT NULL,
          attack TEXT,
          sources TEXT NOT NULL,
          json TEXT NOT NULL,
          PRIMARY KEY (article_id, ordinal)
        );
        CREATE INDEX claims_date ON claims (date);
        CREATE INDEX claims_governorate ON claims (governorate);
        CREATE INDEX claims_place_key ON claims (place_key);
        CREATE TABLE tallies (
          article_id TEXT NOT NULL,
          ordinal BIGINT NOT NULL,
          killed BIGINT NOT NULL,
          scope TEXT NOT NULL,
          PRIMARY KEY (article_id, ordinal)
        );
        CREATE TABLE problems (
          file TEXT NOT NULL,
          line BIGINT NOT NULL,
          row_number BIGINT NOT NULL,
          severity TEXT NOT NULL,
          reason TEXT NOT NULL,
          PRIMARY KEY (file, line, row_number, reason)
        );
        CREATE TABLE bands (
          band BIGINT NOT NULL,
          bucket TEXT NOT NULL,
          article_id TEXT NOT NULL,
          PRIMARY KEY (band, bucket, article_id)
        );
        CREATE INDEX bands_article ON bands (article_id);
        CREATE TABLE duplicates (
          article_id TEXT NOT NULL,
          of_id TEXT NOT NULL,
          containment DOUBLE PRECISION NOT NULL,
          PRIMARY KEY (article_id, of_id)
        );
        CREATE INDEX duplicates_of ON duplicates (of_id);
        """,
        """
        CREATE TABLE superseded (
          article_id TEXT NOT NULL,
          hash TEXT NOT NULL,
          title TEXT,
          text TEXT NOT NULL,
          PRIMARY KEY (article_id, hash)
        );
        """,
        """
        ALTER TABLE articles ADD COLUMN byline TEXT;
        """,
        """
        CREATE TABLE tokens (
          hash TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          created TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE reviews (
          article_id TEXT NOT NULL,
          claim_key TEXT NOT NULL,
          decision TEXT NOT NULL,
          correction TEXT,
          who TEXT NOT NULL,
          at TEXT NOT NULL,
          PRIMARY KEY (article_id, claim_key)
        );
        """,
        """
        DROP TABLE bands;
        CREATE TABLE buckets (
          bucket BIGINT NOT NULL,
          seq BIGINT NOT NULL,
          article_id TEXT NOT NULL,
          PRIMARY KEY (bucket, seq)
        ) {WITHOUT ROWID};
        ALTER TABLE articles ADD COLUMN signature TEXT;
        ALTER TABLE articles ADD COLUMN shingle_count BIGINT
        """,
        """
        ALTER TABLE articles DROP COLUMN claims_line;
        CREATE INDEX articles_unsigned ON articles (seq) WHERE signature IS NULL
        """,
    ];

    /// <summary>The schema version a store has after opening.</summary>
    public static int Current => Steps.Count;

    internal static void Apply(Store store)
    {
        store.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY)");
        long have = Convert.ToInt64(store.Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);
        if (have > Steps.Count)
        {
            throw new InvalidOperationException($"the record {store.Location} has schema version {have}, newer than this Tally knows ({Steps.Count}); update Tally");
        }

        for (int version = (int)have + 1; version <= Steps.Count; version++)
        {
            store.Begin();
            try
            {
                foreach (var statement in Steps[version - 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    store.Execute(statement.Replace("{WITHOUT ROWID}", store.Kind == StoreKind.Sqlite ? "WITHOUT ROWID" : "", StringComparison.Ordinal));
                }

                store.Execute("INSERT INTO schema_migrations (version) VALUES (@v)", ("v", (long)version));
                store.Commit();
            }
            catch
            {
                store.Rollback();
                throw;
            }
        }
    }
}
