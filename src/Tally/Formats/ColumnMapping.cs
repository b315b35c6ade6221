namespace Tally.Formats;

/// <summary>
/// Which CSV column holds which article field: <c>id</c>, <c>title</c>, <c>text</c>, <c>published</c>,
/// <c>source</c>, <c>url</c> and <c>location</c>.
/// </summary>
/// <remarks>
/// Written on the command line as <c>id=unit_id,title=article_title,text=article_content</c>. Without a mapping the
/// reader recognizes the FA-KES header (<c>unit_id, article_title, article_content, source, date, location,
/// labels</c>) and common names (<c>id</c>, <c>title</c>, <c>text</c>/<c>content</c>/<c>body</c>,
/// <c>published</c>/<c>date</c>, <c>source</c>/<c>outlet</c>, <c>url</c>/<c>link</c>).
/// </remarks>
public sealed class ColumnMapping
{
    /// <summary>The fields a column can be mapped to.</summary>
    public static readonly IReadOnlyList<string> Fields = ["id", "title", "text", "published", "source", "url", "location"];

    private static readonly Dictionary<string, string[]> s_knownNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = ["id", "unit_id", "article_id", "guid", "doc_id"],
        ["title"] = ["title", "article_title", "headline"],
        ["text"] = ["text", "article_content", "content", "body", "article_text", "article"],
        ["published"] = ["published", "date", "publication_date", "pubdate", "published_at"],
        ["source"] = ["source", "outlet", "publisher"],
        ["url"] = ["url", "link", "article_url"],
        ["location"] = ["location"],
    };

    private readonly Dictionary<string, string> _columnOf;

    private ColumnMapping(Dictionary<string, string> columnOf) => _columnOf = columnOf;

    /// <summary>The column mapped to <paramref name="field"/>, if any.</summary>
    public string? ColumnOf(string field) => _columnOf.TryGetValue(field, out var c) ? c : null;

    /// <summary>Parses <c>field=column,field=column</c>.</summary>
    /// <exception cref="FormatException">A pair is malformed or names an unknown field.</exception>
    public static ColumnMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"Column mapping '{pair}' is not of the form field=column.");
            }

            var field = pair[..eq].Trim().ToLowerInvariant();
            if (field == "date")
            {
                field = "published";
            }

            if (!Fields.Contains(field))
            {
                throw new FormatException($"Column mapping names unknown field '{field}'; the fields are {string.Join(", ", Fields)}.");
            }

            map[field] = pair[(eq + 1)..].Trim();
        }

        if (!map.ContainsKey("id") || !map.ContainsKey("text"))
        {
            throw new FormatException("A column mapping needs at least id=COLUMN and text=COLUMN.");
        }

        return new ColumnMapping(map);
    }

    /// <summary>Recognizes a mapping from a header row, or returns <c>null</c> if it has no id or text column.</summary>
    public static ColumnMapping? FromHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, names) in s_knownNames)
        {
            foreach (var name in names)
            {
                var column = header.FirstOrDefault(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
                if (column is not null)
                {
                    map[field] = column;
                    break;
                }
            }
        }

        return map.ContainsKey("id") && map.ContainsKey("text") ? new ColumnMapping(map) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(",", Fields.Where(_columnOf.ContainsKey).Select(f => $"{f}={_columnOf[f]}"));
}
