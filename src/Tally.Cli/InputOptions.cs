using System.CommandLine;
using Tally.Extraction;
using Tally.Formats;
using Tally.Geography;

namespace Tally.Cli;

/// <summary>The options every command that reads articles shares: the inputs, CSV columns, input format and places.</summary>
internal sealed class InputOptions
{
    private readonly Option<string?> _columns = new("--columns")
    {
        Description = "CSV column mapping, e.g. id=unit_id,title=article_title,text=article_content,published=date,source=source.",
    };

    private readonly Option<string> _format = new("--input-format")
    {
        Description = "Read every input as this format instead of deciding by extension: auto, text, jsonl, csv, html, feed (RSS or Atom).",
        DefaultValueFactory = _ => "auto",
    };

    private readonly Option<string[]> _places = PlacesOption.Create();

    /// <param name="inputsRequired">Whether the command needs at least one input (<c>ingest --watch</c> does not).</param>
    public InputOptions(bool inputsRequired = true)
    {
        Inputs.Arity = inputsRequired ? ArgumentArity.OneOrMore : ArgumentArity.ZeroOrMore;
        _format.AcceptOnlyFromAmong("auto", "text", "jsonl", "csv", "html", "feed");
    }

    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "Files (.txt, .jsonl, .csv, .html, .rss/.atom/.xml), folders of them, or - for standard input.",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        command.Options.Add(_columns);
        command.Options.Add(_format);
        command.Options.Add(_places);
    }

    /// <summary>The reader options and the extractor the command line asks for; <c>false</c> after printing why when it is wrong.</summary>
    public bool TryBuild(ParseResult parse, TextWriter stderr, Action<ReadProblem> onProblem, out ReaderOptions options, out Extractor extractor)
    {
        options = new ReaderOptions();
        extractor = Extractor.Default;
        var gazetteer = PlacesOption.Load(parse.GetValue(_places), stderr);
        if (gazetteer is null)
        {
            return false;
        }

        ColumnMapping? mapping = null;
        if (parse.GetValue(_columns) is { } columnText)
        {
            try
            {
                mapping = ColumnMapping.Parse(columnText);
            }
            catch (FormatException e)
            {
                stderr.WriteLine($"tally: --columns: {e.Message}");
                return false;
            }
        }

        options = new ReaderOptions
        {
            Columns = mapping,
            Format = parse.GetValue(_format) switch
            {
                "text" => InputFormat.Text,
                "jsonl" => InputFormat.JsonLines,
                "csv" => InputFormat.Csv,
                "html" => InputFormat.Html,
                "feed" => InputFormat.Feed,
                _ => InputFormat.Auto,
            },
            OnProblem = onProblem,
        };
        if (!ReferenceEquals(gazetteer, Gazetteer.Default))
        {
            extractor = new Extractor(new PipelineBuilder().UseDefaultRecognizers(gazetteer).Build());
        }

        return true;
    }
}
