using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Tally.Formats;

/// <summary>
/// Reads a saved web page as one article: its headline, publication date, byline, outlet and address from the page's
/// metadata, and its main text with navigation, related-article lists, comments, share bars and footers dropped.
/// </summary>
/// <remarks>
/// <para><b>Metadata</b>, first found wins. Title: <c>og:title</c>, the first <c>h1</c>, <c>&lt;title&gt;</c> (less a
/// trailing " | Outlet"). Date: <c>article:published_time</c> and the usual <c>meta</c> names, <c>itemprop=
/// "datePublished"</c>, JSON-LD <c>datePublished</c>, the first <c>&lt;time datetime&gt;</c>. Byline: <c>meta
/// name="author"</c>, <c>itemprop="author"</c>, <c>rel="author"</c>, a <c>byline</c> class, JSON-LD <c>author</c>.
/// Outlet: <c>og:site_name</c>, JSON-LD <c>publisher</c>. Address: the canonical link, <c>og:url</c>.</para>
/// <para><b>Main text</b>: the <c>itemprop="articleBody"</c> element, else the <c>article</c> (the one with most
/// paragraph text when there are several), else <c>main</c>, else the element whose paragraphs hold the most text.
/// Inside it, elements that are boilerplate by tag (<c>nav</c>, <c>aside</c>, <c>header</c>, <c>footer</c>,
/// <c>figcaption</c>), by role, or by a class or id word (comments, related, share, newsletter, sidebar, ...) are
/// dropped, and <see cref="HtmlText"/> writes the rest.</para>
/// <para>Bytes must be UTF-8 unless the page declares another charset; a page with no main text is reported and
/// skipped. The id is the file name without extension, as for text files.</para>
/// </remarks>
public static class HtmlArticleReader
{
    private static readonly HashSet<string> s_boilerplateTags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "header", "footer", "figcaption", "menu", "dialog",
    };

    private static readonly HashSet<string> s_boilerplateRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert",
    };

    /// <summary>Words that, as a class or id word, mark an element as not part of the story.</summary>
    private static readonly HashSet<string> s_boilerplateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "comment", "comments", "disqus", "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
        "related", "recommended", "recommendations", "outbrain", "taboola", "share", "sharing", "social", "newsletter",
        "subscribe", "subscription", "sidebar", "footer", "header", "masthead", "advert", "advertisement", "ad", "ads",
        "promo", "sponsored", "cookie", "cookies", "consent", "popular", "trending", "mostread", "tags", "topics",
        "pagination", "pager", "toolbar", "byline", "author", "timestamp", "caption", "credit", "print",
    };

    private static readonly string[] s_dateMeta =
    [
        "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    ];

    /// <summary>Reads the page in <paramref name="stream"/>; <paramref name="id"/> names the article.</summary>
    public static IEnumerable<Article> Read(Stream stream, string name, string id, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var position = new InputPosition(name);
        var bytes = ReadAll(stream, position, options);
        if (bytes is null)
        {
            yield break;
        }

        var document = Parse(bytes, position, options);
        if (document is null)
        {
            yield break;
        }

        var article = FromDocument(document, id, position, options);
        if (article is not null)
        {
            yield return article;
        }
    }

    private static byte[]? ReadAll(Stream stream, InputPosition position, ReaderOptions options)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (memory.Length + read > TextArticleReader.MaxBytes)
            {
                options.OnProblem(new ReadProblem(position, $"larger than {TextArticleReader.MaxBytes / (1024 * 1024)} MB; not read", ProblemSeverity.Skipped));
                return null;
            }

            memory.Write(chunk, 0, read);
        }

        if (memory.Length == 0 || memory.GetBuffer().AsSpan(0, (int)memory.Length).Trim(" \t\r\n"u8).IsEmpty)
        {
            options.OnProblem(new ReadProblem(position, "empty file", ProblemSeverity.Skipped));
            return null;
        }

        return memory.ToArray();
    }

    private static IHtmlDocument? Parse(byte[] bytes, InputPosition position, ReaderOptions options)
    {
        var parser = new HtmlParser();
        var content = Utf8Text.WithoutBom(bytes);
        int bad = Utf8Text.FirstInvalidByte(content);
        if (bad < 0)
        {
            return parser.ParseDocument(Utf8Text.Decode(content));
        }

        // Not UTF-8: read it in the charset the page declares, if it declares one that is not UTF-8.
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        int charset = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (charset >= 0 && !head.AsSpan(charset).StartsWith("charset=\"utf-8", StringComparison.OrdinalIgnoreCase)
            && !head.AsSpan(charset).StartsWith("charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            using var input = new MemoryStream(bytes, writable: false);
            return parser.ParseDocument(input);
        }

        int line = 1 + content[..bad].Count((byte)'\n');
        options.OnProblem(new ReadProblem(position with { Line = line },
            Utf8Text.Describe(content, bad).Replace("of the record", "of the file", StringComparison.Ordinal) + " (the page declares no other charset)",
            ProblemSeverity.Skipped));
        return null;
    }

    /// <summary>The article a parsed page holds, or <c>null</c> after reporting why there is none.</summary>
    internal static Article? FromDocument(IHtmlDocument document, string id, InputPosition position, ReaderOptions options)
    {
        var linked = LinkedData.Of(document);
        string? source = Meta(document, "og:site_name") ?? linked.Publisher;
        string? title = Clean(Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? linked.Headline)
            ?? Clean(document.QuerySelector("h1")?.TextContent)
            ?? TitleWithoutOutlet(Clean(document.Title), source);
        string? url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta(document, "og:url");
        string? byline = Byline(document, linked);
        string? dateText = DateText(document, linked);

        var body = MainContent(document);
        if (body is null)
        {
            options.OnProblem(new ReadProblem(position, "no article text in the page (no body)", ProblemSeverity.Skipped));
            return null;
        }

        DropBoilerplate(body);
        var text = HtmlText.Of(body);
        if (title is not null && text.StartsWith(title, StringComparison.Ordinal))
        {
            text = text[title.Length..].TrimStart('\n', ' ');
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            options.OnProblem(new ReadProblem(position, "no article text in the page: every block of it is navigation or boilerplate", ProblemSeverity.Skipped));
            return null;
        }

        DateOnly? published = null;
        if (dateText is not null)
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

        return new Article(id, text)
        {
            Title = title,
            Published = published,
            Source = Clean(source),
            Url = Clean(url),
            Byline = byline,
            Origin = position,
        };
    }

    private static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is not null && name.Equals(key, StringComparison.OrdinalIgnoreCase)
                && meta.GetAttribute("content") is { } content && !string.IsNullOrWhiteSpace(content))
            {
                return content.Trim();
            }
        }

        return null;
    }

    private static string? DateText(IHtmlDocument document, LinkedData linked)
    {
        foreach (var key in s_dateMeta)
        {
            if (Meta(document, key) is { } value)
            {
                return value;
            }
        }

        if (document.QuerySelector("[itemprop='datePublished']") is { } dated
            && (dated.GetAttribute("datetime") ?? dated.GetAttribute("content") ?? dated.TextContent) is { } d
            && !string.IsNullOrWhiteSpace(d))
        {
            return d.Trim();
        }

        if (linked.Published is not null)
        {
            return linked.Published;
        }

        var time = document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]");
        return time?.GetAttribute("datetime")?.Trim() is { Length: > 0 } t ? t : null;
    }

    private static string? Byline(IHtmlDocument document, LinkedData linked)
    {
        string? found = Meta(document, "author");
        if (found is null || found.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            found = null;
            if (document.QuerySelector("[itemprop='author']") is { } author)
            {
                found = author.GetAttribute("content")
                    ?? author.QuerySelector("[itemprop='name']")?.TextContent
                    ?? author.TextContent;
            }

            found ??= linked.Author
                ?? document.QuerySelector("[rel='author']")?.TextContent
                ?? document.QuerySelector(".byline, .author, .author-name")?.TextContent;
        }

        found = Clean(found);
        if (found is null)
        {
            return null;
        }

        if (found.StartsWith("By ", StringComparison.OrdinalIgnoreCase))
        {
            found = found[3..].TrimStart();
        }

        return found.Length is 0 or > 200 ? null : found;
    }

    /// <summary>The element that holds the story.</summary>
    private static IElement? MainContent(IHtmlDocument document)
    {
        if (document.QuerySelector("[itemprop='articleBody']") is { } marked)
        {
            return marked;
        }

        var articles = document.QuerySelectorAll("article");
        if (articles.Length > 0)
        {
            return articles.MaxBy(a => ParagraphText(a))!;
        }

        if (document.QuerySelector("main, [role='main']") is { } main)
        {
            return main;
        }

        // The element whose own paragraphs hold the most text (half of it counting for the grandparent too).
        var scores = new Dictionary<IElement, double>();
        foreach (var p in document.QuerySelectorAll("p"))
        {
            int length = p.TextContent.Length;
            if (p.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + length;
                if (parent.ParentElement is { } grandparent)
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + length / 2.0;
                }
            }
        }

        var best = scores.Count == 0 ? null : scores.MaxBy(kv => kv.Value).Key;
        return best is not null && best.LocalName is not "html" ? best : document.Body;
    }

    private static int ParagraphText(IElement element) => element.QuerySelectorAll("p").Sum(p => p.TextContent.Length);

    /// <summary>Removes, under <paramref name="root"/>, the elements that are not part of the story.</summary>
    private static void DropBoilerplate(IElement root)
    {
        var doomed = new List<IElement>();
        foreach (var element in root.QuerySelectorAll("*"))
        {
            if (IsBoilerplate(element))
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool IsBoilerplate(IElement element)
    {
        if (s_boilerplateTags.Contains(element.LocalName))
        {
            return true;
        }

        if (element.GetAttribute("role") is { } role && s_boilerplateRoles.Contains(role.Trim()))
        {
            return true;
        }

        if (element.LocalName is "p" or "article" or "main" or "body" || element.GetAttribute("itemprop") == "articleBody")
        {
            // A paragraph is prose whatever its class says; the containers that hold the story are kept.
            return false;
        }

        return HasBoilerplateWord(element.ClassName) || HasBoilerplateWord(element.Id);
    }

    private static bool HasBoilerplateWord(string? names)
    {
        if (string.IsNullOrEmpty(names))
        {
            return false;
        }

        foreach (var range in names.AsSpan().SplitAny(" \t-_"))
        {
            var word = names[range];
            if (word.Length > 0 && s_boilerplateWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static string? TitleWithoutOutlet(string? title, string? outlet)
    {
        if (title is null)
        {
            return null;
        }

        foreach (var separator in new[] { " | ", " - ", " – ", " — " })
        {
            int at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && (outlet is null || title[(at + separator.Length)..].Contains(outlet, StringComparison.OrdinalIgnoreCase)) && at > title.Length / 2)
            {
                return title[..at].TrimEnd();
            }
        }

        return title;
    }

    /// <summary>White space folded and trimmed; <c>null</c> when nothing is left.</summary>
    internal static string? Clean(string? value) => value is null || Whitespace.Fold(value) is not { Length: > 0 } folded ? null : folded;

    /// <summary>What the page's JSON-LD (schema.org NewsArticle and kin) says of it.</summary>
    private sealed record LinkedData(string? Headline, string? Published, string? Author, string? Publisher)
    {
        public static LinkedData Of(IDocument document)
        {
            string? headline = null, published = null, author = null, publisher = null;
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true });
                    Visit(json.RootElement, ref headline, ref published, ref author, ref publisher, 0);
                }
                catch (JsonException)
                {
                    // Metadata only: a broken block is ignored and the page read without it.
                }
            }

            return new LinkedData(headline, published, author, publisher);
        }

        private static void Visit(JsonElement e, ref string? headline, ref string? published, ref string? author, ref string? publisher, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Visit(item, ref headline, ref published, ref author, ref publisher, depth + 1);
                }

                return;
            }

            if (e.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            headline ??= StringOf(e, "headline");
            published ??= StringOf(e, "datePublished");
            author ??= NameOf(e, "author");
            publisher ??= NameOf(e, "publisher");
            if (e.TryGetProperty("@graph", out var graph))
            {
                Visit(graph, ref headline, ref published, ref author, ref publisher, depth + 1);
            }
        }

        private static string? StringOf(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static string? NameOf(JsonElement e, string name)
        {
            if (!e.TryGetProperty(name, out var v))
            {
                return null;
            }

            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Object => StringOf(v, "name"),
                JsonValueKind.Array => string.Join(", ", v.EnumerateArray()
                    .Select(x => x.ValueKind == JsonValueKind.Object ? StringOf(x, "name") : x.ValueKind == JsonValueKind.String ? x.GetString() : null)
                    .Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } joined ? joined : null,
                _ => null,
            };
        }
    }
}
