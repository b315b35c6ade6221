namespace Tally.Formats;

/// <summary>
/// Reads articles from the inputs a user names: files, folders and standard input (<c>-</c>), in the order given,
/// one article at a time.
/// </summary>
/// <remarks>
/// <para>A file's format comes from its extension (<c>.txt</c>, <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c>,
/// <c>.csv</c>, <c>.html</c>/<c>.htm</c>/<c>.xhtml</c>, <c>.rss</c>/<c>.atom</c>/<c>.xml</c>) unless
/// <see cref="ReaderOptions.Format"/> forces one; a file with another extension, and standard input, are recognized
/// from their first bytes (a <c>{</c> is JSON Lines; markup naming <c>rss</c>, <c>feed</c> or <c>rdf:RDF</c> is a
/// feed, other markup a web page; a header naming an id and a text column is CSV; anything else is text). A folder yields its supported files, recursively, in ordinal order of their paths.</para>
/// <para>Problems go to <see cref="ReaderOptions.OnProblem"/>; a missing or unreadable input is one, and reading goes
/// on with the next input.</para>
/// </remarks>
public static class ArticleInput
{
    private static readonly string[] s_extensions =
        [".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".html", ".htm", ".xhtml", ".rss", ".atom", ".xml"];

    /// <summary>Reads every article of every input.</summary>
    public static IEnumerable<Article> Read(IEnumerable<string> inputs, ReaderOptions options, Func<Stream>? standardInput = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var input in inputs)
        {
            IEnumerable<Article> articles;
            if (input == "-")
            {
                articles = ReadStream((standardInput ?? Console.OpenStandardInput)(), "-", "stdin", null, options);
            }
            else if (Directory.Exists(input))
            {
                articles = ReadFolder(input, options);
            }
            else if (File.Exists(input))
            {
                articles = ReadFile(input, options);
            }
            else
            {
                options.OnProblem(new ReadProblem(new InputPosition(input), "no such file or folder", ProblemSeverity.Skipped));
                continue;
            }

            foreach (var article in articles)
            {
                yield return article;
            }
        }
    }

    private static IEnumerable<Article> ReadFolder(string folder, ReaderOptions options)
    {
        var files = FilesOf(folder, options.Format);
        if (files.Count == 0)
        {
            options.OnProblem(new ReadProblem(new InputPosition(folder), "the folder holds no .txt, .jsonl, .csv, .html or feed file", ProblemSeverity.Skipped));
        }

        foreach (var file in files)
        {
            foreach (var article in ReadFile(file, options))
            {
                yield return article;
            }
        }
    }

    /// <summary>The files of a folder (recursively) that are read as articles, in ordinal order of their paths: those
    /// with a known extension, or every file when <paramref name="format"/> is forced.</summary>
    public static List<string> FilesOf(string folder, InputFormat format) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => format != InputFormat.Auto || s_extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<Article> ReadFile(string path, ReaderOptions options)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            options.OnProblem(new ReadProblem(new InputPosition(path), $"cannot open: {e.Message}", ProblemSeverity.Skipped));
            yield break;
        }

        var format = options.Format != InputFormat.Auto ? options.Format : FromExtension(Path.GetExtension(path));
        foreach (var article in ReadStream(stream, path, Path.GetFileNameWithoutExtension(path), format, options))
        {
            yield return article;
        }
    }

    private static InputFormat? FromExtension(string extension) =>
        extension.ToLowerInvariant() switch
        {
            ".txt" or ".text" => InputFormat.Text,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
            ".csv" => InputFormat.Csv,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".rss" or ".atom" or ".xml" => InputFormat.Feed,
            _ => null,
        };

    /// <summary>Reads one stream in the given format (sniffed from its first bytes when <c>null</c> or <see cref="InputFormat.Auto"/>); disposes it.</summary>
    public static IEnumerable<Article> ReadStream(Stream stream, string name, string id, InputFormat? format, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        using (stream)
        {
            var source = stream;
            if (format is null or InputFormat.Auto)
            {
                var head = new byte[4096];
                int length = 0, read;
                while (length < head.Length && (read = stream.Read(head, length, head.Length - length)) > 0)
                {
                    length += read;
                }

                format = Sniff(head.AsSpan(0, length));
                source = new PrefixedStream(head.AsMemory(0, length), stream);
            }

            var articles = format switch
            {
                InputFormat.JsonLines => JsonLinesReader.Read(source, name, options),
                InputFormat.Csv => CsvArticleReader.Read(source, name, options),
                InputFormat.Html => HtmlArticleReader.Read(source, name, id, options),
                InputFormat.Feed => FeedReader.Read(source, name, id, options),
                _ => TextArticleReader.Read(source, name, id, options),
            };
            foreach (var article in articles)
            {
                yield return article;
            }
        }
    }

    private static InputFormat SniffMarkup(ReadOnlySpan<byte> head)
    {
        Span<byte> lower = stackalloc byte[Math.Min(head.Length, 4096)];
        for (int i = 0; i < lower.Length; i++)
        {
            byte b = head[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        if (lower.IndexOf("<rss"u8) >= 0 || lower.IndexOf("<feed"u8) >= 0 || lower.IndexOf("<rdf:rdf"u8) >= 0)
        {
            return InputFormat.Feed;
        }

        if (lower.IndexOf("<html"u8) >= 0 || lower.IndexOf("<!doctype html"u8) >= 0 || lower.IndexOf("<body"u8) >= 0)
        {
            return InputFormat.Html;
        }

        return lower.StartsWith("<?xml"u8) ? InputFormat.Feed : InputFormat.Html;
    }

    /// <summary>Guesses the format of an input from its first bytes.</summary>
    public static InputFormat Sniff(ReadOnlySpan<byte> head)
    {
        head = Utf8Text.WithoutBom(head).TrimStart(" \t\r\n"u8);
        if (head.Length > 0 && head[0] == (byte)'{')
        {
            return InputFormat.JsonLines;
        }

        if (head.Length > 0 && head[0] == (byte)'<')
        {
            return SniffMarkup(head);
        }

        int nl = head.IndexOf((byte)'\n');
        var firstLine = nl < 0 ? head : head[..nl];
        if (firstLine.IndexOf((byte)',') >= 0 && Utf8Text.FirstInvalidByte(firstLine) < 0)
        {
            var names = Utf8Text.Decode(firstLine).Split(',').Select(s => s.Trim().Trim('"')).ToList();
            if (ColumnMapping.FromHeader(names) is not null)
            {
                return InputFormat.Csv;
            }
        }

        return InputFormat.Text;
    }
}
