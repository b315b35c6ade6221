using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tally.Formats;

namespace Tally.Cli;

/// <summary><c>tally bench CORPUS</c>: the whole extraction over a corpus on one thread, with throughput and memory.</summary>
/// <remarks>
/// The corpus is streamed (read an article at a time), as <c>extract</c> does; only the extraction is timed, not the
/// reading, so the figure compares with pipelines timed over texts in memory. MB are 10^6 bytes of UTF-8 of the title
/// and the text. With <c>--repeat N</c> the corpus is run N times after one warm-up run and the fastest run is
/// reported.
/// </remarks>
internal static class BenchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new InputOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object (MBps is the MB/s) instead of a line of text." };
        var stages = new Option<bool>("--stages") { Description = "Also time each stage (document, each recognizer, claim building) over the corpus in memory." };
        var repeat = new Option<int>("--repeat") { Description = "Timed runs after the warm-up; the fastest is reported.", DefaultValueFactory = _ => 3 };
        var command = new Command("bench", "Time the whole claim extraction over a corpus on one thread: articles/s, MB/s, allocation per article, peak memory.");
        input.AddTo(command);
        command.Options.Add(json);
        command.Options.Add(repeat);
        command.Options.Add(stages);
        command.SetAction(parse =>
        {
            var reporter = new ProblemReporter(stderr);
            if (!input.TryBuild(parse, stderr, reporter.Report, out var options, out var extractor))
            {
                return ExitCodes.Usage;
            }

            var inputs = parse.GetValue(input.Inputs) ?? [];
            int runs = Math.Max(1, parse.GetValue(repeat));
            Run? best = null;
            for (int run = 0; run <= runs; run++)
            {
                var result = Once(ArticleInput.Read(inputs, run == 0 ? options : options with { OnProblem = static _ => { } }), extractor);
                if (run > 0 && (best is null || result.Seconds < best.Seconds))
                {
                    best = result;
                }

                if (runs > 1 && result.Articles > 100_000)
                {
                    // A large corpus: one timed run is enough.
                    best ??= result;
                    break;
                }
            }

            var b = best!;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            double mbps = b.Bytes / 1e6 / b.Seconds;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"tool\": \"tally extract\", \"articles\": {b.Articles}, \"bytes\": {b.Bytes}, \"seconds\": {b.Seconds:0.####}, \"MBps\": {mbps:0.###}, \"articlesPerSec\": {b.Articles / b.Seconds:0}, \"claims\": {b.Claims}, \"allocatedBytesPerArticle\": {b.Allocated / Math.Max(1, b.Articles)}, \"gcCollections\": {b.Collections}, \"gcPauseSeconds\": {b.GcSeconds:0.###}, \"peakWorkingSetMB\": {peak / 1e6:0}}}"));
            }
            else
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{b.Articles} articles, {b.Bytes / 1e6:0.00} MB in {b.Seconds:0.000} s on one thread: {b.Articles / b.Seconds:0} articles/s, {mbps:0.00} MB/s; {b.Claims} claims; {b.Allocated / Math.Max(1, b.Articles) / 1024.0:0.0} KB allocated per article, {b.Collections} collections pausing {b.GcSeconds:0.000} s; peak working set {peak / 1e6:0} MB"));
            }

            if (parse.GetValue(stages))
            {
                Stages(ArticleInput.Read(inputs, options with { OnProblem = static _ => { } }).ToList(), extractor, runs, stdout);
            }

            return reporter.Skipped > 0 ? ExitCodes.SomethingSkipped : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The fastest of <paramref name="runs"/> timings of each stage over the articles in memory.</summary>
    private static void Stages(List<Article> articles, Extraction.Extractor extractor, int runs, TextWriter stdout)
    {
        var recognizers = extractor.Pipeline.Recognizers;
        var best = new double[recognizers.Count + 2];
        Array.Fill(best, double.MaxValue);
        for (int run = 0; run <= runs; run++)
        {
            var times = new long[best.Length];
            foreach (var article in articles)
            {
                long t = Stopwatch.GetTimestamp();
                var document = new Text.Document(article);
                times[0] += Stopwatch.GetTimestamp() - t;
                for (int r = 0; r < recognizers.Count; r++)
                {
                    t = Stopwatch.GetTimestamp();
                    recognizers[r].Recognize(document);
                    times[r + 1] += Stopwatch.GetTimestamp() - t;
                }

                t = Stopwatch.GetTimestamp();
                Extraction.ClaimBuilder.Build(document);
                times[^1] += Stopwatch.GetTimestamp() - t;
            }

            for (int k = 0; run > 0 && k < best.Length; k++)
            {
                best[k] = Math.Min(best[k], (double)times[k] / Stopwatch.Frequency);
            }
        }

        double total = best.Sum();
        for (int k = 0; k < best.Length; k++)
        {
            string name = k == 0 ? "document (normalize, tokens, sentences)" : k == best.Length - 1 ? "claims and tallies" : recognizers[k - 1].Name + " recognizer";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-42} {best[k] * 1000,8:0.0} ms  {best[k] / total * 100,5:0.0}%"));
        }
    }

    private sealed record Run(long Articles, long Bytes, long Claims, long Allocated, double Seconds, int Collections, double GcSeconds);

    private static Run Once(IEnumerable<Article> articles, Extraction.Extractor extractor)
    {
        long count = 0, bytes = 0, claims = 0, allocated = 0;
        long ticks = 0;
        int collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        foreach (var article in articles)
        {
            count++;
            bytes += Encoding.UTF8.GetByteCount(article.Text) + (article.Title is null ? 0 : Encoding.UTF8.GetByteCount(article.Title) + 2);
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            try
            {
                claims += extractor.Extract(article).Claims.Count;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Counted as done: the benchmark measures speed, extract reports failures.
            }

            ticks += Stopwatch.GetTimestamp() - start;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return new Run(count, bytes, claims, allocated, (double)ticks / Stopwatch.Frequency, GC.CollectionCount(0) - collections, (GC.GetTotalPauseDuration() - paused).TotalSeconds);
    }
}
