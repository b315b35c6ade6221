using System.Text.Json;

namespace Tally.Formats;

/// <summary>
/// Reads JSON Lines: one object per line with <c>id</c> (string or number) and <c>text</c>, and optionally
/// <c>title</c>, <c>published</c>, <c>source</c>, <c>url</c>, <c>byline</c> (or <c>author</c>) and <c>location</c>.
/// </summary>
/// <remarks>
/// Blank lines are ignored. A line that is not valid UTF-8 or not a JSON object, or lacks an id or a text, is
/// skipped and reported; an unreadable <c>published</c> value is reported and left empty.
/// </remarks>
public static class JsonLinesReader
{
    /// <summary>Reads the articles of <paramref name="stream"/>, reporting problems against <paramref name="name"/>.</summary>
    public static IEnumerable<Article> Read(Stream stream, string name, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        using var lines = new LineReader(stream);
        bool any = false;
        while (lines.TryReadLine(out var memory))
        {
            var bytes = memory.Span;
            if (lines.LineNumber == 1)
            {
                bytes = Utf8Text.WithoutBom(bytes);
            }

            if (bytes.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            any = true;
            var position = new InputPosition(name, lines.LineNumber);
            int bad = Utf8Text.FirstInvalidByte(bytes);
            if (bad >= 0)
            {
                options.OnProblem(new ReadProblem(position, Utf8Text.Describe(bytes, bad), ProblemSeverity.Skipped));
                continue;
            }

            var article = Parse(bytes, position, options);
            if (article is not null)
            {
                yield return article;
            }
        }

        if (!any)
        {
            options.OnProblem(new ReadProblem(new InputPosition(name), "empty file: no JSON line in it", ProblemSeverity.Skipped));
        }
    }

    private static Article? Parse(ReadOnlySpan<byte> bytes, InputPosition position, ReaderOptions options)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            options.OnProblem(new ReadProblem(position, $"not valid JSON ({e.Message})", ProblemSeverity.Skipped));
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                options.OnProblem(new ReadProblem(position, $"expected a JSON object, found {root.ValueKind}", ProblemSeverity.Skipped));
                return null;
            }

            string? id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind switch
                {
                    JsonValueKind.String => idElement.GetString(),
                    JsonValueKind.Number => idElement.GetRawText(),
                    _ => null,
                }
                : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                options.OnProblem(new ReadProblem(position, "no \"id\" (a string or a number)", ProblemSeverity.Skipped));
                return null;
            }

            string? text = String(root, "text");
            if (text is null)
            {
                options.OnProblem(new ReadProblem(position, $"article {id}: no \"text\" string", ProblemSeverity.Skipped));
                return null;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                options.OnProblem(new ReadProblem(position, $"article {id}: the text is empty", ProblemSeverity.Skipped));
                return null;
            }

            DateOnly? published = null;
            string? publishedText = String(root, "published");
            if (!string.IsNullOrWhiteSpace(publishedText))
            {
                if (PublicationDate.TryParse(publishedText, out var date))
                {
                    published = date;
                }
                else
                {
                    options.OnProblem(new ReadProblem(position, $"article {id}: unreadable publication date \"{publishedText}\"; left empty", ProblemSeverity.Warning));
                }
            }

            return new Article(id, text)
            {
                Title = String(root, "title"),
                Published = published,
                Source = String(root, "source"),
                Url = String(root, "url"),
                Byline = String(root, "byline") ?? String(root, "author"),
                LocationHint = String(root, "location"),
                Origin = position,
            };
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
