namespace Tally.Formats;

/// <summary>
/// Reads articles from the inputs a user names: files, folders and standard input (<c>-</c>), in the order given,
/// one article at a time.
/// </summary>
/// <remarks>
/// <para>A file's format comes from its extension (<c>.txt</c>, <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c>,
/// <c>.csv</c>) unless <see cref="ReaderOptions.Format"/> forces one; a file with another extension, and standard
/// input, are recognized from their first bytes (a <c>{</c> is JSON Lines, a header naming an id and a text column is
/// CSV, anything else is text). A folder yields its supported files, recursively, in ordinal order of their paths.</para>
/// <para>Problems go to <see cref="ReaderOptions.OnProblem"/>; a missing or unreadable input is one, and reading goes
/// on with the next input.</para>
/// </remarks>
public static class ArticleInput
{
    private static readonly string[] s_extensions = [".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv"];

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
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => options.Format != InputFormat.Auto || s_extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            options.OnProblem(new ReadProblem(new InputPosition(folder), "the folder holds no .txt, .jsonl or .csv file", ProblemSeverity.Skipped));
        }

        foreach (var file in files)
        {
            foreach (var article in ReadFile(file, options))
            {
                yield return article;
            }
        }
    }

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
                _ => TextArticleReader.Read(source, name, id, options),
            };
            foreach (var article in articles)
            {
                yield return article;
            }
        }
    }

    /// <summary>Guesses the format of an input from its first bytes.</summary>
    public static InputFormat Sniff(ReadOnlySpan<byte> head)
    {
        head = Utf8Text.WithoutBom(head).TrimStart(" \t\r\n"u8);
        if (head.Length > 0 && head[0] == (byte)'{')
        {
            return InputFormat.JsonLines;
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
