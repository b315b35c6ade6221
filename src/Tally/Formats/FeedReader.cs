using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Tally.Formats;

/// <summary>
/// Reads an RSS 2.0, RSS 1.0 (RDF) or Atom feed file: each item or entry is an article, its link the article's url.
/// </summary>
/// <remarks>
/// <para>Per item: the id is its <c>guid</c> (Atom: <c>id</c>), else its link, else the file name and the item's
/// number; the text is <c>content:encoded</c> (Atom: <c>content</c>), else <c>description</c> (Atom:
/// <c>summary</c>), turned from HTML into text by <see cref="HtmlText"/>; the date is <c>pubDate</c>,
/// <c>dc:date</c>, <c>published</c> or <c>updated</c>; the byline <c>author</c> or <c>dc:creator</c>; the source
/// the item's own <c>source</c>, else the feed's title.</para>
/// <para>Items are read one at a time. An item without text is reported and skipped; an unreadable date is a
/// warning. A file that is not well-formed XML is read up to the error, which is reported with its line and column
/// and the count of items read before it. DTDs are ignored and external entities never resolved.</para>
/// </remarks>
public static class FeedReader
{
    /// <summary>Reads the items of the feed in <paramref name="stream"/>, reporting problems against <paramref name="name"/>.</summary>
    public static IEnumerable<Article> Read(Stream stream, string name, string fileId, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = false,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var lines = (IXmlLineInfo)reader;
        string? feedTitle = null;
        int items = 0, depth = -1;
        bool rootSeen = false, advance = true;
        while (true)
        {
            XElement? item = null;
            int line = 0;
            string? error = null;
            try
            {
                if (advance && !reader.Read())
                {
                    break;
                }

                advance = true;
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (!rootSeen)
                {
                    rootSeen = true;
                    depth = reader.Depth;
                    if (reader.LocalName is not ("rss" or "feed" or "RDF"))
                    {
                        line = lines.LineNumber;
                        error = $"not a feed: the root element is <{reader.Name}>, not <rss>, <feed> or <rdf:RDF>";
                    }
                }
                else if (reader.LocalName is "item" or "entry")
                {
                    // ReadFrom leaves the reader on the node after the item: the next turn must not read past it.
                    line = lines.LineNumber;
                    item = (XElement)XNode.ReadFrom(reader);
                    advance = false;
                }
                else if (reader.LocalName == "title" && feedTitle is null && items == 0 && reader.Depth <= depth + 2)
                {
                    feedTitle = HtmlArticleReader.Clean(TextOf((XElement)XNode.ReadFrom(reader)));
                    advance = false;
                }
            }
            catch (XmlException e)
            {
                line = e.LineNumber;
                error = !rootSeen ? $"not a feed: no XML element could be read ({FirstSentence(e.Message)})" : $"not well-formed XML at line {e.LineNumber}, column {e.LinePosition} ({FirstSentence(e.Message)}); "
                    + $"{items} item(s) read before it, the rest of the file skipped";
            }

            if (error is not null)
            {
                options.OnProblem(new ReadProblem(new InputPosition(name, line > 0 ? line : null), error, ProblemSeverity.Skipped));
                yield break;
            }

            if (item is null)
            {
                continue;
            }

            items++;
            var article = FromItem(item, new InputPosition(name, line > 0 ? line : null), fileId, items, feedTitle, options);
            if (article is not null)
            {
                yield return article;
            }
        }

        if (items == 0)
        {
            options.OnProblem(new ReadProblem(new InputPosition(name), "the feed has no items", ProblemSeverity.Warning));
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    private static Article? FromItem(XElement item, InputPosition position, string fileId, int number, string? feedTitle, ReaderOptions options)
    {
        string? title = HtmlArticleReader.Clean(Child(item, "title") is { } t ? TextOf(t) : null);
        string? link = Link(item);
        string? id = HtmlArticleReader.Clean(Child(item, "guid")?.Value ?? Child(item, "id")?.Value) ?? link
            ?? string.Create(CultureInfo.InvariantCulture, $"{fileId}#{number}");
        var body = Child(item, "encoded") ?? Child(item, "content") ?? Child(item, "description") ?? Child(item, "summary");
        string text = body is null ? "" : TextOf(body);
        if (string.IsNullOrWhiteSpace(text))
        {
            options.OnProblem(new ReadProblem(position, $"item {number} ({title ?? id}): no text (no description, summary or content)", ProblemSeverity.Skipped));
            return null;
        }

        DateOnly? published = null;
        var dateElement = Child(item, "pubDate") ?? Child(item, "date") ?? Child(item, "published") ?? Child(item, "updated");
        if (HtmlArticleReader.Clean(dateElement?.Value) is { } dateText)
        {
            if (PublicationDate.TryParse(dateText, out var date))
            {
                published = date;
            }
            else
            {
                options.OnProblem(new ReadProblem(position, $"article {id}: unreadable publication date \"{dateText}\"; left empty", ProblemSeverity.Warning));
            }
        }

        var author = Child(item, "author") is { } a ? (Child(a, "name")?.Value ?? a.Value) : Child(item, "creator")?.Value;
        return new Article(id, text)
        {
            Title = title,
            Published = published,
            Source = HtmlArticleReader.Clean(Child(item, "source")?.Value) ?? feedTitle,
            Url = link,
            Byline = HtmlArticleReader.Clean(author),
            Origin = position,
        };
    }

    /// <summary>The first child with this local name, whatever its namespace.</summary>
    private static XElement? Child(XElement parent, string localName)
    {
        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == localName)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The item's address: RSS's <c>link</c> text, or Atom's <c>link</c> with rel alternate (or no rel).</summary>
    private static string? Link(XElement item)
    {
        string? fallback = null;
        foreach (var link in item.Elements().Where(e => e.Name.LocalName == "link"))
        {
            if (link.Attribute("href") is { } href)
            {
                var rel = link.Attribute("rel")?.Value;
                if (rel is null or "alternate")
                {
                    return href.Value.Trim();
                }

                fallback ??= href.Value.Trim();
            }
            else if (HtmlArticleReader.Clean(link.Value) is { } text)
            {
                return text;
            }
        }

        return fallback;
    }

    /// <summary>An element's text: its HTML read as text, unless Atom says it is plain text.</summary>
    private static string TextOf(XElement element)
    {
        string? type = element.Attribute("type")?.Value;
        if (type == "xhtml")
        {
            return HtmlText.FromFragment(string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))));
        }

        if (type == "text")
        {
            return element.Value.Trim();
        }

        return HtmlText.FromFragment(element.Value);
    }
}
