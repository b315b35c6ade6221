using Tally.Storage;

namespace Tally.Tests.Storage;

/// <summary>What every back end must do; run by <see cref="SqliteStoreTest"/> and <see cref="PostgresStoreTest"/>.</summary>
internal static class StoreContract
{
    public static void OpeningAppliesTheMigrationsOnce(string location)
    {
        using (var store = Store.Open(location))
        {
            Assert.Equal((long)Migrations.Current, Convert.ToInt64(store.Scalar("SELECT MAX(version) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
        }

        using var again = Store.Open(location);
        Assert.Equal((long)Migrations.Current, Convert.ToInt64(again.Scalar("SELECT COUNT(*) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void IngestingTwice_ChangesNothing(string location)
    {
        var corpus = TestCorpus.Write(30);
        try
        {
            using var store = Store.Open(location);
            var first = TestCorpus.Ingest(store, corpus);
            Assert.Equal((30, 30, 0L), (first.Read, first.Added, first.Replaced));
            var counts = store.Count();
            var dump = store.Dump();
            Assert.Equal(30, counts.Articles);
            Assert.True(counts.Claims >= 30, $"{counts.Claims} claims");
            Assert.Equal(1, counts.Problems); // the line that is not JSON, kept with its file and line
            var problem = Assert.Single(store.Problems());
            Assert.Equal((corpus, 4L), (problem.File, problem.Line));

            var second = TestCorpus.Ingest(store, corpus);
            Assert.Equal((30L, 0L, 30L), (second.Read, second.Added, second.Unchanged));
            Assert.Equal(TestCorpus.Count(counts), TestCorpus.Count(store.Count()));
            Assert.Equal(dump, store.Dump());
        }
        finally
        {
            File.Delete(corpus);
        }
    }

    public static void ChangedArticle_IsExtractedAgain_AndItsEarlierTextKept(string location)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-changed-{Guid.NewGuid():N}.jsonl");
        try
        {
            using var store = Store.Open(location);
            File.WriteAllText(path, TestCorpus.JsonLine(1, "Shelling killed four civilians in Saraqeb on Monday, activists said.") + "\n");
            TestCorpus.Ingest(store, path);
            Assert.Equal(4L, Assert.Single(store.Claims()).Killed);

            // The outlet revised its toll: the claim is replaced, the earlier text is kept.
            File.WriteAllText(path, TestCorpus.JsonLine(1, "Shelling killed nine civilians in Saraqeb on Monday, activists said.") + "\n");
            var run = TestCorpus.Ingest(store, path);
            Assert.Equal(1L, run.Replaced);
            Assert.Equal(9L, Assert.Single(store.Claims()).Killed);
            Assert.Contains("four civilians", Assert.Single(store.Superseded("a0001")).Text, StringComparison.Ordinal);

            // Both versions in one input, again: nothing changes.
            File.WriteAllText(path, TestCorpus.JsonLine(1, "Shelling killed four civilians in Saraqeb on Monday, activists said.") + "\n"
                + TestCorpus.JsonLine(1, "Shelling killed nine civilians in Saraqeb on Monday, activists said.") + "\n");
            var dump = store.Dump();
            var again = TestCorpus.Ingest(store, path);
            Assert.Equal((1L, 1L, 0L), (again.Superseded, again.Unchanged, again.Replaced));
            Assert.Equal(dump, store.Dump());
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void NearDuplicates_LinkATruncatedCopy_AndNothingElse(string location)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-dups-{Guid.NewGuid():N}.jsonl");
        try
        {
            var full = TestCorpus.Text(3) + " " + TestCorpus.Text(4) + " " + TestCorpus.Text(5);
            var truncated = full[..(full.Length * 3 / 5)];
            File.WriteAllText(path, string.Join('\n',
                TestCorpus.JsonLine(100, full), TestCorpus.JsonLine(101, TestCorpus.Text(7) + " " + TestCorpus.Text(8)), TestCorpus.JsonLine(102, truncated),
                TestCorpus.JsonLine(103, TestCorpus.Text(11) + " " + TestCorpus.Text(12))) + "\n");
            using var store = Store.Open(location);
            TestCorpus.Ingest(store, path);
            var link = Assert.Single(store.Duplicates());
            Assert.Equal(("a0102", "a0100"), (link.ArticleId, link.Of));
            Assert.True(link.Containment >= NearDuplicates.Threshold);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void CrowdedBuckets_TakeNoMore_AndCopiesStillLink(string location)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-crowded-{Guid.NewGuid():N}.jsonl");
        try
        {
            // Twelve copies of one report share all their buckets: the first fill them, the later ones still link.
            var text = TestCorpus.Text(3) + " " + TestCorpus.Text(4);
            File.WriteAllText(path, string.Join('\n', Enumerable.Range(200, 12).Select(i => System.Text.Json.JsonSerializer.Serialize(
                new { id = $"a{i:D4}", title = "Strike on the town", text, published = "2019-08-29", source = $"outlet {i}" }))) + "\n");
            using var store = Store.Open(location);
            TestCorpus.Ingest(store, path);
            var sizes = store.Query("SELECT COUNT(*) FROM buckets GROUP BY bucket", r => r.GetInt64(0));
            Assert.Equal(NearDuplicates.Hashes / NearDuplicates.RowsPerBand, sizes.Count);
            Assert.All(sizes, n => Assert.Equal(Ingester.BucketCapacity, n));
            var links = store.Duplicates();
            Assert.Contains(links, l => l.ArticleId == "a0211");
            Assert.All(links, l => Assert.True(string.CompareOrdinal(l.ArticleId, l.Of) > 0, $"{l.ArticleId} -> {l.Of}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A record written before schema step 6 (bands without ingest order, no signatures) opens, and the next
    /// ingest links a copy of one of its articles.</summary>
    public static void ARecordFromBeforeSignatures_IsUpgraded_AndItsArticlesStillLink(string location, System.Data.Common.DbConnection raw)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tally-upgrade-{Guid.NewGuid():N}.jsonl");
        try
        {
            var full = TestCorpus.Text(3) + " " + TestCorpus.Text(4) + " " + TestCorpus.Text(5);
            using (raw)
            {
                raw.Open();
                void Run(string sql)
                {
                    using var command = raw.CreateCommand();
                    command.CommandText = sql;
                    command.ExecuteNonQuery();
                }

                Run("CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY)");
                for (int step = 0; step < 5; step++)
                {
                    foreach (var statement in Migrations.Steps[step].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        Run(statement);
                    }

                    Run($"INSERT INTO schema_migrations (version) VALUES ({step + 1})");
                }

                Run($"INSERT INTO articles (id, hash, seq, text, claims_line, claim_count) VALUES ('a0100', 'old', 1, '{full.Replace("'", "''", StringComparison.Ordinal)}', '', 0)");
                Run("INSERT INTO bands (band, bucket, article_id) VALUES (0, '00000000000000ff', 'a0100')");
            }

            File.WriteAllText(path, TestCorpus.JsonLine(102, full[..(full.Length * 3 / 5)]) + "\n");
            using var store = Store.Open(location);
            Assert.Equal((long)Migrations.Current, Convert.ToInt64(store.Scalar("SELECT MAX(version) FROM schema_migrations"), System.Globalization.CultureInfo.InvariantCulture));
            TestCorpus.Ingest(store, path);
            var link = Assert.Single(store.Duplicates());
            Assert.Equal(("a0102", "a0100"), (link.ArticleId, link.Of));
            Assert.Empty(store.Unsigned());
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void Claims_AreFiltered(string location)
    {
        var corpus = TestCorpus.Write(20);
        try
        {
            using var store = Store.Open(location);
            TestCorpus.Ingest(store, corpus);
            var all = store.Claims();
            Assert.NotEmpty(all);

            // By place, whatever its spelling: "Kafr Nubl" finds the claims written "Kafranbel"... when the keys agree;
            // "Saraqib" and "Saraqeb" do.
            var saraqeb = store.Claims(new ClaimFilter { Place = "Saraqib" });
            Assert.NotEmpty(saraqeb);
            Assert.All(saraqeb, c => Assert.Equal("Saraqeb", c.Place));

            Assert.All(store.Claims(new ClaimFilter { Governorate = "idlib" }), c => Assert.Equal("Idlib", c.Governorate));
            var russia = store.Claims(new ClaimFilter { Perpetrator = "russia" });
            Assert.NotEmpty(russia);
            Assert.All(russia, c => Assert.Contains("russia", c.Perpetrators));
            Assert.Empty(store.Claims(new ClaimFilter { From = "2019-09-01" }));
            Assert.Equal(all.Count, store.Claims(new ClaimFilter { From = "2019-08-01", To = "2019-08-31" }).Count);
            Assert.All(store.Claims(new ClaimFilter { Article = "a0003" }), c => Assert.Equal("a0003", c.ArticleId));

            // Every claim keeps the spans of its values.
            Assert.All(all, c => Assert.Contains("\"spans\":{", c.Json, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(corpus);
        }
    }
}
