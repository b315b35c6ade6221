using Tally.Storage;

namespace Tally.Tests.Storage;

public class SqliteStoreTest
{
    [Fact] public void OpeningAppliesTheMigrationsOnce() => StoreContract.OpeningAppliesTheMigrationsOnce(Backends.NewSqlite());

    [Fact] public void IngestingTwice_ChangesNothing() => StoreContract.IngestingTwice_ChangesNothing(Backends.NewSqlite());

    [Fact] public void ChangedArticle_IsExtractedAgain_AndItsEarlierTextKept() => StoreContract.ChangedArticle_IsExtractedAgain_AndItsEarlierTextKept(Backends.NewSqlite());

    [Fact] public void NearDuplicates_LinkATruncatedCopy_AndNothingElse() => StoreContract.NearDuplicates_LinkATruncatedCopy_AndNothingElse(Backends.NewSqlite());

    [Fact] public void Claims_AreFiltered() => StoreContract.Claims_AreFiltered(Backends.NewSqlite());

    [Fact] public void CrowdedBuckets_TakeNoMore_AndCopiesStillLink() => StoreContract.CrowdedBuckets_TakeNoMore_AndCopiesStillLink(Backends.NewSqlite());

    [Fact]
    public void ARecordFromBeforeSignatures_IsUpgraded_AndItsArticlesStillLink()
    {
        var path = Backends.NewSqlite();
        StoreContract.ARecordFromBeforeSignatures_IsUpgraded_AndItsArticlesStillLink(path, new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"));
    }

    [Fact]
    public void IngestOnSeveralThreads_HoldsTheSameRecordAsOnOne()
    {
        var corpus = TestCorpus.Write(40);
        try
        {
            using var one = Store.Open(Backends.NewSqlite());
            using var three = Store.Open(Backends.NewSqlite());
            TestCorpus.Ingest(one, corpus);
            var progress = TestCorpus.Ingest(three, corpus, threads: 3);
            Assert.Equal(40, progress.Read);
            Assert.Equal(one.Dump(), three.Dump());
            Assert.Equal(40, TestCorpus.Ingest(three, corpus, threads: 3).Unchanged);
        }
        finally
        {
            File.Delete(corpus);
        }
    }

    [Fact]
    public void IngestOnSeveralThreads_AnArticleChangedWithinTheBatchesReadAhead_EndsAsOnOne()
    {
        // Versions of one article one, two and three batches apart (batches of 2): the prefetcher read the record for
        // the later ones before the earlier were stored.
        var path = Path.Combine(Path.GetTempPath(), $"tally-ahead-{Guid.NewGuid():N}.jsonl");
        try
        {
            string Version(int killed) => TestCorpus.JsonLine(1, $"Shelling killed {killed} civilians in Saraqeb on Monday, activists said.");
            File.WriteAllLines(path, [Version(4), TestCorpus.JsonLine(2), Version(5), TestCorpus.JsonLine(3), TestCorpus.JsonLine(4),
                Version(6), TestCorpus.JsonLine(5), TestCorpus.JsonLine(6), TestCorpus.JsonLine(7), Version(7), TestCorpus.JsonLine(8)]);
            using var one = Store.Open(Backends.NewSqlite());
            using var three = Store.Open(Backends.NewSqlite());
            TestCorpus.Ingest(one, path, batch: 2);
            var progress = TestCorpus.Ingest(three, path, batch: 2, threads: 3);
            Assert.Equal((8L, 3L), (progress.Added, progress.Replaced));
            Assert.Equal(one.Dump(), three.Dump());
            Assert.Equal(7L, three.Claims(new ClaimFilter { Article = "a0001" }).Single().Killed);

            // Chunks read ahead that do not line up with the transactions: two articles a chunk, three a transaction.
            using var uneven = Store.Open(Backends.NewSqlite());
            progress = TestCorpus.Ingest(uneven, path, batch: 3, threads: 3, chunk: 2);
            Assert.Equal((8L, 3L), (progress.Added, progress.Replaced));
            Assert.Equal(one.Dump(), uneven.Dump());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NewerSchema_IsRefusedWithAReason()
    {
        var path = Backends.NewSqlite();
        using (var store = Store.Open(path))
        {
            store.Execute("INSERT INTO schema_migrations (version) VALUES (999)");
        }

        var e = Assert.Throws<InvalidOperationException>(() => Store.Open(path));
        Assert.Contains("newer than this Tally knows", e.Message, StringComparison.Ordinal);
    }
}

public class PostgresStoreTest
{
    [PostgresFact] public void OpeningAppliesTheMigrationsOnce() => StoreContract.OpeningAppliesTheMigrationsOnce(Backends.NewPostgres());

    [PostgresFact] public void IngestingTwice_ChangesNothing() => StoreContract.IngestingTwice_ChangesNothing(Backends.NewPostgres());

    [PostgresFact] public void ChangedArticle_IsExtractedAgain_AndItsEarlierTextKept() => StoreContract.ChangedArticle_IsExtractedAgain_AndItsEarlierTextKept(Backends.NewPostgres());

    [PostgresFact] public void NearDuplicates_LinkATruncatedCopy_AndNothingElse() => StoreContract.NearDuplicates_LinkATruncatedCopy_AndNothingElse(Backends.NewPostgres());

    [PostgresFact] public void Claims_AreFiltered() => StoreContract.Claims_AreFiltered(Backends.NewPostgres());

    [PostgresFact] public void CrowdedBuckets_TakeNoMore_AndCopiesStillLink() => StoreContract.CrowdedBuckets_TakeNoMore_AndCopiesStillLink(Backends.NewPostgres());

    [PostgresFact]
    public void ARecordFromBeforeSignatures_IsUpgraded_AndItsArticlesStillLink()
    {
        var location = Backends.NewPostgres();
        StoreContract.ARecordFromBeforeSignatures_IsUpgraded_AndItsArticlesStillLink(location,
            new Npgsql.NpgsqlConnection(Store.PostgresConnectionString(location).ConnectionString));
    }

    [PostgresFact]
    public void BothBackEnds_HoldTheSameRecord()
    {
        var corpus = TestCorpus.Write(25);
        try
        {
            using var sqlite = Store.Open(Backends.NewSqlite());
            using var postgres = Store.Open(Backends.NewPostgres());
            TestCorpus.Ingest(sqlite, corpus);
            TestCorpus.Ingest(postgres, corpus);
            Assert.Equal(sqlite.Dump(), postgres.Dump());
        }
        finally
        {
            File.Delete(corpus);
        }
    }
}
