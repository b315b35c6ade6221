using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tally.Formats;
using Tally.Storage;

namespace Tally.Cli;

/// <summary>The commands over the record: <c>ingest</c>, <c>articles</c>, <c>claims</c>, <c>problems</c>.</summary>
internal static partial class StoreCommands
{
    private static Option<string?> DbOption() => new("--db")
    {
        Description = $"The record: a SQLite file (default {Store.DefaultFile}, or ${Store.Variable}) or a postgresql://user@host:port/database address.",
    };

    private static Option<string> FormatOption(params string[] formats)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "How to write: " + string.Join(", ", formats) + ".",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>Opens the record, or prints why not and returns <c>null</c>.</summary>
    private static Store? Open(string? location, TextWriter stderr)
    {
        try
        {
            return Store.Open(location);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"tally: cannot open the record {location ?? Environment.GetEnvironmentVariable(Store.Variable) ?? Store.DefaultFile}: {e.Message}");
            return null;
        }
    }

    /// <summary>Runs <paramref name="body"/> on the record at <paramref name="location"/>, or prints why it cannot be opened.</summary>
    private static int WithStore(string? location, TextWriter stderr, Func<Store, int> body)
    {
        using var store = Open(location, stderr);
        return store is null ? ExitCodes.Usage : body(store);
    }

    public static Command Ingest(TextWriter stderr, Func<Stream>? stdin)
    {
        var input = new InputOptions(inputsRequired: false);
        var db = DbOption();
        var batch = new Option<int>("--batch") { Description = "Articles per transaction.", DefaultValueFactory = _ => 5000 };
        var progress = new Option<bool>("--progress") { Description = "Show the progress line even when standard error is not a terminal." };
        var watch = new Option<string?>("--watch")
        {
            Description = "After the inputs, keep watching this folder and ingest each file that arrives or changes (once it has stopped growing), until interrupted.",
        };
        var interval = new Option<double>("--interval") { Description = "With --watch: seconds between looks at the folder.", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads", "-j")
        {
            Description = "Prepare the articles ahead on this many threads (0, the default: one per core); the record is the same as with one.",
            DefaultValueFactory = _ => 0,
        };
        var watchFor = new Option<double?>("--watch-for") { Description = "With --watch: stop after this many seconds instead of waiting for Ctrl+C." };
        var command = new Command("ingest", "Read articles into the record: extract their claims, link near-duplicates, keep the problems met.");
        input.AddTo(command);
        command.Options.Add(db);
        command.Options.Add(batch);
        command.Options.Add(progress);
        command.Options.Add(watch);
        command.Options.Add(interval);
        command.Options.Add(watchFor);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            var inputs = parse.GetValue(input.Inputs) ?? [];
            string? watched = parse.GetValue(watch);
            if (inputs.Length == 0 && watched is null)
            {
                stderr.WriteLine("tally: ingest needs inputs (files, folders or -), or --watch FOLDER");
                return ExitCodes.Usage;
            }

            if (watched is not null && !Directory.Exists(watched))
            {
                stderr.WriteLine($"tally: --watch: no such folder: {watched}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(interval) is not (> 0 and < 86400))
            {
                stderr.WriteLine("tally: --interval must be more than 0 and less than 86400 seconds");
                return ExitCodes.Usage;
            }

            using var store = Open(parse.GetValue(db), stderr);
            if (store is null)
            {
                return ExitCodes.Usage;
            }

            var reporter = new ProblemReporter(stderr);
            Ingester? ingester = null;
            void OnProblem(ReadProblem p)
            {
                reporter.Report(p);
                ingester!.Problem(p);
            }

            if (!input.TryBuild(parse, stderr, OnProblem, out var options, out var extractor))
            {
                return ExitCodes.Usage;
            }

            bool showProgress = parse.GetValue(progress) || (ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected);
            ingester = new Ingester(store, extractor)
            {
                BatchSize = Math.Max(1, parse.GetValue(batch)),
                Threads = parse.GetValue(threads) is var t and > 0 ? t : Environment.ProcessorCount,
                OnProgress = showProgress ? p => stderr.Write(string.Create(CultureInfo.InvariantCulture,
                    $"\r  {p.Read} articles  {p.Rate:0} /s  {p.Added} new  {p.Replaced} changed  {p.Unchanged} unchanged  {p.Problems} problems   ")) : null,
            };

            long failed = 0;
            if (inputs.Length > 0)
            {
                if (IngestOnce(store, ingester, ArticleInput.Read(inputs, options, stdin), reporter, showProgress, stderr) is not { } result)
                {
                    return ExitCodes.SomethingSkipped;
                }

                failed += result.Failed;
            }

            if (watched is not null)
            {
                if (Watch(store, ingester, watched, options, parse.GetValue(interval), parse.GetValue(watchFor), reporter, showProgress, stderr) is not { } watchFailed)
                {
                    return ExitCodes.SomethingSkipped;
                }

                failed += watchFailed;
            }

            return reporter.Skipped > 0 || failed > 0 ? ExitCodes.SomethingSkipped : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One ingest run with its summary lines; <c>null</c> after reporting a failure of the record.</summary>
    private static IngestProgress? IngestOnce(Store store, Ingester ingester, IEnumerable<Article> articles, ProblemReporter reporter, bool showProgress, TextWriter stderr)
    {
        IngestProgress result;
        try
        {
            result = ingester.Run(articles);
        }
        catch (System.Data.Common.DbException e)
        {
            // The open batch is rolled back; what was committed stays, and running the ingest again finishes it.
            stderr.WriteLine();
            stderr.WriteLine($"tally: the record {store.Location} failed: {e.Message}; the batches committed before are kept, run the ingest again to finish");
            return null;
        }

        if (showProgress)
        {
            stderr.WriteLine();
        }

        var counts = store.Count();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tally: {result.Read} articles in {result.Elapsed.TotalSeconds:0.00} s: {result.Added} new, {result.Replaced} changed, {result.Unchanged} unchanged, {result.Superseded} earlier versions, {result.Failed} failed; {result.Duplicates} near-duplicate links; {reporter.Skipped} skipped, {reporter.Warnings} warnings"));
        stderr.WriteLine($"tally: the record {store.Location} holds {counts.Articles} articles, {counts.Claims} claims, {counts.Tallies} tallies, {counts.Duplicates} near-duplicate links, {counts.Problems} problems");
        return result;
    }

    /// <summary>Ingests the files of <paramref name="folder"/> as they arrive, until Ctrl+C, SIGTERM or <paramref name="seconds"/>;
    /// returns the articles whose extraction failed, or <c>null</c> after a failure of the record.</summary>
    private static long? Watch(Store store, Ingester ingester, string folder, ReaderOptions options, double interval, double? seconds,
        ProblemReporter reporter, bool showProgress, TextWriter stderr)
    {
        using var stop = seconds is { } s ? new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(0, s))) : new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var watch = new FolderWatch(folder);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tally: watching {folder} every {interval:0.###} s; Ctrl+C stops"));
        long failed = 0;
        do
        {
            IReadOnlyList<string> ready;
            try
            {
                ready = watch.Ready();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"tally: --watch: cannot read {folder}: {e.Message}; trying again");
                continue;
            }

            if (ready.Count > 0)
            {
                stderr.WriteLine($"tally: {ready.Count} file(s) arrived or changed: {string.Join(", ", ready.Take(5).Select(Path.GetFileName))}{(ready.Count > 5 ? ", ..." : "")}");
                if (IngestOnce(store, ingester, ArticleInput.Read(ready, options), reporter, showProgress, stderr) is not { } result)
                {
                    return null;
                }

                failed += result.Failed;
            }
        }
        while (!stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(interval)));

        stderr.WriteLine($"tally: stopped watching {folder}");
        return failed;
    }

    public static Command Articles(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption("table", "json", "csv");
        var id = new Option<string?>("--article") { Description = "Only this article." };
        var command = new Command("articles", "List the articles of the record, with their near-duplicate links.");
        command.Options.Add(db);
        command.Options.Add(format);
        command.Options.Add(id);
        command.SetAction(parse =>
        {
            return WithStore(parse.GetValue(db), stderr, store =>
            {
                var links = store.Duplicates();
                var articles = store.Articles(parse.GetValue(id));
                switch (parse.GetValue(format))
                {
                    case "json":
                        foreach (var a in articles)
                        {
                            var o = new JsonObject
                            {
                                ["id"] = a.Id, ["seq"] = a.Seq, ["title"] = a.Title, ["published"] = a.Published, ["source"] = a.Source,
                                ["url"] = a.Url, ["byline"] = a.Byline, ["origin"] = a.Origin, ["hash"] = a.Hash, ["claims"] = a.ClaimCount,
                                ["duplicate_of"] = new JsonArray([.. links.Where(l => l.ArticleId == a.Id).Select(l => (JsonNode)new JsonObject { ["id"] = l.Of, ["containment"] = l.Containment })]),
                                ["duplicated_by"] = new JsonArray([.. links.Where(l => l.Of == a.Id).Select(l => (JsonNode)new JsonObject { ["id"] = l.ArticleId, ["containment"] = l.Containment })]),
                            };
                            stdout.WriteLine(o.ToJsonString());
                        }

                        break;
                    case "csv":
                        stdout.WriteLine("id,published,source,title,claims,duplicate_of");
                        foreach (var a in articles)
                        {
                            stdout.WriteLine(Csv(a.Id, a.Published, a.Source, a.Title, a.ClaimCount.ToString(CultureInfo.InvariantCulture),
                                string.Join(' ', links.Where(l => l.ArticleId == a.Id).Select(l => l.Of))));
                        }

                        break;
                    default:
                        Table(stdout, ["id", "published", "source", "claims", "duplicate of", "title"],
                            articles.Select(a => new[] { a.Id, a.Published ?? "", a.Source ?? "", a.ClaimCount.ToString(CultureInfo.InvariantCulture),
                                string.Join(' ', links.Where(l => l.ArticleId == a.Id).Select(l => l.Of)), Cut(a.Title ?? "", 60) }));
                        break;
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    public static Command Claims(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption("table", "json", "csv", "claims");
        Option<string?> Filter(string name, string description) => new(name) { Description = description };
        var from = Filter("--from", "Claims on or after this day (YYYY-MM-DD).");
        var to = Filter("--to", "Claims on or before this day.");
        var governorate = Filter("--governorate", "Only this governorate (the spec's names).");
        var place = Filter("--place", "Only this place, whatever its spelling.");
        var perpetrator = Filter("--perpetrator", "Only claims naming this perpetrator id.");
        var attack = Filter("--attack", "Only this attack type.");
        var source = Filter("--source", "Only claims citing this source id.");
        var article = Filter("--article", "Only this article's claims.");
        var command = new Command("claims", "List the claims of the record, filtered.");
        foreach (var o in (Option[])[db, format, from, to, governorate, place, perpetrator, attack, source, article])
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            foreach (var (option, value) in new[] { (from, parse.GetValue(from)), (to, parse.GetValue(to)) })
            {
                if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    stderr.WriteLine($"tally: {option.Name}: '{value}' is not a day as YYYY-MM-DD");
                    return ExitCodes.Usage;
                }
            }

            return WithStore(parse.GetValue(db), stderr, store =>
            {
                // Recorders' reviews apply: a rejected claim is left out of every format but json (where it is marked), a
                // corrected one carries the corrections.
                var reviewed = store.ReviewedClaims(new ClaimFilter
                {
                    From = parse.GetValue(from), To = parse.GetValue(to), Governorate = parse.GetValue(governorate), Place = parse.GetValue(place),
                    Perpetrator = parse.GetValue(perpetrator), Attack = parse.GetValue(attack), Source = parse.GetValue(source), Article = parse.GetValue(article),
                });
                var kept = reviewed.Where(r => !r.Rejected).ToList();
                var claims = kept.Select(r => r.Row).ToList();
                var json = kept.ToDictionary(r => (r.Row.ArticleId, r.Row.Ordinal), r => r.Reviewed);
                switch (parse.GetValue(format))
                {
                    case "json":
                        foreach (var (c, o, _) in reviewed)
                        {
                            o.Insert(0, "article", c.ArticleId);
                            o.Insert(1, "ordinal", c.Ordinal);
                            stdout.WriteLine(o.ToJsonString());
                        }

                        break;
                    case "claims":
                        // The spec's export: one line per article that has a kept claim, with those claims and its tallies.
                        foreach (var group in claims.GroupBy(c => c.ArticleId))
                        {
                            var line = new JsonObject
                            {
                                ["id"] = group.Key,
                                ["claims"] = new JsonArray([.. group.Select(c =>
                                {
                                    var o = json[(c.ArticleId, c.Ordinal)];
                                    o.Remove("spans");
                                    o.Remove("review");
                                    return (JsonNode)o;
                                })]),
                                ["tallies"] = new JsonArray([.. store.Tallies(group.Key).Select(t => (JsonNode)new JsonObject { ["killed"] = t.Killed, ["scope"] = t.Scope })]),
                            };
                            stdout.WriteLine(line.ToJsonString());
                        }

                        break;
                    case "csv":
                        stdout.WriteLine("article,ordinal,date,date_precision,place,governorate,killed,injured,perpetrators,attack,sources");
                        foreach (var c in claims)
                        {
                            stdout.WriteLine(Csv(c.ArticleId, c.Ordinal.ToString(CultureInfo.InvariantCulture), c.Date, c.DatePrecision, c.Place, c.Governorate,
                                c.Killed?.ToString(CultureInfo.InvariantCulture), c.Injured?.ToString(CultureInfo.InvariantCulture),
                                string.Join(' ', c.Perpetrators), c.Attack, string.Join(' ', c.Sources)));
                        }

                        break;
                    default:
                        Table(stdout, ["article", "date", "place", "governorate", "killed", "injured", "perpetrators", "attack", "sources"],
                            claims.Select(c => new[] { c.ArticleId, c.Date ?? "", c.Place ?? "", c.Governorate ?? "", c.Killed?.ToString(CultureInfo.InvariantCulture) ?? "",
                                c.Injured?.ToString(CultureInfo.InvariantCulture) ?? "", string.Join(',', c.Perpetrators), c.Attack ?? "", string.Join(',', c.Sources) }));
                        stdout.WriteLine($"{claims.Count} claim{(claims.Count == 1 ? "" : "s")}");
                        break;
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    public static Command Problems(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption("table", "json");
        var command = new Command("problems", "List the records that could not be read (file, line, row, reason).");
        command.Options.Add(db);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            return WithStore(parse.GetValue(db), stderr, store =>
            {
                var problems = store.Problems();
                if (parse.GetValue(format) == "json")
                {
                    foreach (var p in problems)
                    {
                        stdout.WriteLine(JsonSerializer.Serialize(new { file = p.File, line = p.Line, row = p.Row, severity = p.Severity, reason = p.Reason }));
                    }
                }
                else
                {
                    foreach (var p in problems)
                    {
                        var where = new InputPosition(p.File, p.Line > 0 ? (int)p.Line : null, p.Row > 0 ? (int)p.Row : null);
                        stdout.WriteLine($"{where}: {p.Severity}: {p.Reason}");
                    }

                    stdout.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";

    private static void Table(TextWriter o, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => Math.Min(40, Math.Max(h.Length, all.Select(r => r[i].Length).DefaultIfEmpty(0).Max()))).ToArray();
        void Line(string[] cells) => o.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : Cut(c, widths[i]).PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var r in all)
        {
            Line(r);
        }
    }

    private static string Csv(params string?[] cells) =>
        string.Join(',', cells.Select(c => c is null ? "" : c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c));
}
