using System.CommandLine;
using System.Diagnostics;
using Tally.Extraction;
using Tally.Formats;
using Tally.Geography;

namespace Tally.Cli;

/// <summary>Builds the <c>tally</c> command line.</summary>
internal static class TallyCommand
{
    public static RootCommand Create(TextWriter? stdout = null, TextWriter? stderr = null, Func<Stream>? stdoutStream = null, Func<Stream>? stdin = null)
    {
        var root = new RootCommand("Tally: casualty claims from conflict news, with the words they came from.");
        root.Subcommands.Add(ExtractCommand.Create(stderr ?? Console.Error, stdoutStream ?? Console.OpenStandardOutput, stdin));
        root.Subcommands.Add(PlaceCommand.Create(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Ingest(stderr ?? Console.Error, stdin));
        root.Subcommands.Add(StoreCommands.Articles(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Claims(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Problems(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Incidents(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Incident(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(BenchCommand.Create(stdout ?? Console.Out, stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Serve(stderr ?? Console.Error));
        root.Subcommands.Add(StoreCommands.Token(stdout ?? Console.Out, stderr ?? Console.Error));
        return root;
    }
}

/// <summary><c>tally extract</c>: read articles, write claims or spans.</summary>
internal static class ExtractCommand
{
    public static Command Create(TextWriter stderr, Func<Stream> stdout, Func<Stream>? stdin)
    {
        var input = new InputOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "What to write: claims (the JSON Lines export of the spec) or spans (every recognized span, then the claims and tallies with the spans of their fields).",
            DefaultValueFactory = _ => "claims",
        };
        format.AcceptOnlyFromAmong("claims", "spans");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print the summary line." };
        var threads = new Option<int>("--threads", "-j")
        {
            Description = "Extract on this many threads (0: one per core); the output is the same as on one thread.",
            DefaultValueFactory = _ => 1,
        };

        var command = new Command("extract", "Extract casualty claims from articles and write them as JSON Lines.");
        input.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(quiet);
        command.Options.Add(threads);
        command.SetAction(parse =>
        {
            var reporter = new ProblemReporter(stderr);
            int workers = parse.GetValue(threads) is var t and > 0 ? t : Environment.ProcessorCount;
            if (!input.TryBuild(parse, stderr, reporter.Report, out var options, out var extractor))
            {
                return ExitCodes.Usage;
            }

            string? outputPath = parse.GetValue(output);
            Stream sink;
            try
            {
                sink = outputPath is null ? stdout() : new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"tally: cannot write {outputPath}: {e.Message}");
                return ExitCodes.Usage;
            }

            var clock = Stopwatch.StartNew();
            int articles = 0, failed = 0;
            using (var buffered = new BufferedStream(sink, 1 << 16))
            {
                bool spans = parse.GetValue(format) == "spans";
                using var claimsWriter = spans ? null : new ClaimsWriter(buffered);
                using var spansWriter = spans ? new SpansWriter(buffered) : null;
                foreach (var (article, extraction, error) in ParallelExtraction.Run(ArticleInput.Read(parse.GetValue(input.Inputs) ?? [], options, stdin), extractor, workers))
                {
                    articles++;
                    if (error is not null)
                    {
                        // A bug must not lose the rest of the input: report it, keep the line, go on.
                        failed++;
                        stderr.WriteLine($"tally: {article.Origin}: article {article.Id}: extraction failed: {error.GetType().Name}: {error.Message}");
                        if (Environment.GetEnvironmentVariable("TALLY_TRACE") == "1")
                        {
                            stderr.WriteLine(error.StackTrace);
                        }

                        claimsWriter?.WriteFailure(article.Id, $"{error.GetType().Name}: {error.Message}");
                        continue;
                    }

                    if (spansWriter is not null)
                    {
                        spansWriter.Write(extraction!);
                    }
                    else
                    {
                        claimsWriter!.Write(extraction!);
                    }
                }
            }

            if (outputPath is not null)
            {
                sink.Dispose();
            }

            if (!parse.GetValue(quiet))
            {
                stderr.WriteLine($"tally: {articles} articles in {clock.Elapsed.TotalSeconds:0.00} s; {reporter.Skipped} skipped, {reporter.Warnings} warnings, {failed} failed");
            }

            return reporter.Skipped > 0 || failed > 0 ? ExitCodes.SomethingSkipped : ExitCodes.Ok;
        });
        return command;
    }
}
