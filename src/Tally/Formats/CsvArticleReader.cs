namespace Tally.Formats;

/// <summary>
/// Reads articles from CSV with a header row, mapping columns to fields with a <see cref="ColumnMapping"/>.
/// </summary>
/// <remarks>
/// Rows are numbered from 1 after the header. A row with the wrong number of fields, broken quoting, invalid UTF-8, an
/// empty id or an empty text is skipped and reported; an unreadable date is reported and left empty. FA-KES dates
/// (<c>4/5/2017</c>) are month first.
/// </remarks>
public static class CsvArticleReader
{
    /// <summary>Reads the articles of <paramref name="stream"/>, reporting problems against <paramref name="name"/>.</summary>
    public static IEnumerable<Article> Read(Stream stream, string name, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        using var csv = new CsvRecordReader(stream);
        if (!csv.TryRead(out var header))
        {
            options.OnProblem(new ReadProblem(new InputPosition(name), "empty file: no header row", ProblemSeverity.Skipped));
            yield break;
        }

        if (header.Error is not null)
        {
            options.OnProblem(new ReadProblem(new InputPosition(name, header.Line), $"unreadable header row: {header.Error}", ProblemSeverity.Skipped));
            yield break;
        }

        var mapping = options.Columns ?? ColumnMapping.FromHeader(header.Fields);
        if (mapping is null)
        {
            options.OnProblem(new ReadProblem(new InputPosition(name, 1),
                $"cannot tell which columns hold the id and the text (header: {string.Join(", ", header.Fields)}); give --columns id=COLUMN,text=COLUMN,...",
                ProblemSeverity.Skipped));
            yield break;
        }

        var index = new Dictionary<string, int>();
        foreach (var field in ColumnMapping.Fields)
        {
            var column = mapping.ColumnOf(field);
            if (column is null)
            {
                continue;
            }

            int at = Array.FindIndex(header.Fields, h => string.Equals(h.Trim(), column, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                options.OnProblem(new ReadProblem(new InputPosition(name, 1),
                    $"the mapping names column '{column}' for {field}, but the header has only {string.Join(", ", header.Fields)}", ProblemSeverity.Skipped));
                yield break;
            }

            index[field] = at;
        }

        int row = 0;
        bool any = false;
        while (csv.TryRead(out var record))
        {
            row++;
            any = true;
            var position = new InputPosition(name, record.Line, row);
            if (record.Error is not null)
            {
                options.OnProblem(new ReadProblem(position, record.Error, ProblemSeverity.Skipped));
                continue;
            }

            if (record.Fields.Length != header.Fields.Length)
            {
                options.OnProblem(new ReadProblem(position, $"expected {header.Fields.Length} fields as in the header, found {record.Fields.Length}", ProblemSeverity.Skipped));
                continue;
            }

            string? Get(string field) => index.TryGetValue(field, out int at) ? record.Fields[at] : null;
            string? id = Get("id")?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                options.OnProblem(new ReadProblem(position, "the id is empty", ProblemSeverity.Skipped));
                continue;
            }

            string? text = Get("text");
            if (string.IsNullOrWhiteSpace(text))
            {
                options.OnProblem(new ReadProblem(position, $"article {id}: the text is empty", ProblemSeverity.Skipped));
                continue;
            }

            DateOnly? published = null;
            string? dateText = Get("published");
            if (!string.IsNullOrWhiteSpace(dateText))
            {
                if (PublicationDate.TryParse(dateText, out var date))
                {
                    published = date;
                }
                else
                {
                    options.OnProblem(new ReadProblem(position, $"article {id}: unreadable date \"{dateText}\"; left empty", ProblemSeverity.Warning));
                }
            }

            yield return new Article(id, text)
            {
                Title = Blank(Get("title")),
                Published = published,
                Source = Blank(Get("source")),
                Url = Blank(Get("url")),
                LocationHint = Blank(Get("location")),
                Origin = position,
            };
        }

        if (!any)
        {
            options.OnProblem(new ReadProblem(new InputPosition(name), "no rows after the header", ProblemSeverity.Skipped));
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
