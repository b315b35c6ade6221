namespace Tally.Formats;

/// <summary>Reads one plain-text article: the whole content of a file, its id the file name without extension.</summary>
public static class TextArticleReader
{
    /// <summary>The most bytes one text article may have (larger files are reported, not read).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads the article in <paramref name="stream"/>; <paramref name="id"/> names it.</summary>
    public static IEnumerable<Article> Read(Stream stream, string name, string id, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var position = new InputPosition(name);
        using var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (memory.Length + read > MaxBytes)
            {
                options.OnProblem(new ReadProblem(position, $"larger than {MaxBytes / (1024 * 1024)} MB; split it into articles", ProblemSeverity.Skipped));
                yield break;
            }

            memory.Write(chunk, 0, read);
        }

        var bytes = Utf8Text.WithoutBom(memory.GetBuffer().AsSpan(0, (int)memory.Length));
        int bad = Utf8Text.FirstInvalidByte(bytes);
        if (bad >= 0)
        {
            int line = 1 + bytes[..bad].Count((byte)'\n');
            options.OnProblem(new ReadProblem(position with { Line = line }, Utf8Text.Describe(bytes, bad).Replace("of the record", "of the file", StringComparison.Ordinal), ProblemSeverity.Skipped));
            yield break;
        }

        var text = Utf8Text.Decode(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            options.OnProblem(new ReadProblem(position, "empty file", ProblemSeverity.Skipped));
            yield break;
        }

        yield return new Article(id, text) { Origin = position };
    }
}
