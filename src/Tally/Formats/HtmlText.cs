using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Tally.Formats;

/// <summary>Turns HTML into the plain text of an article: one paragraph per block, blank lines between them.</summary>
/// <remarks>
/// <para>Blocks (<c>p</c>, headings, list items, quotes, table rows, <c>div</c>s...) end a paragraph; <c>br</c> ends a
/// line. Runs of white space become one space. Scripts, styles, forms, embedded media and hidden elements give no
/// text, nor do lists and short paragraphs made mostly of links (menus, "related" lists, "read more" lines).</para>
/// <para>Used by <see cref="HtmlArticleReader"/> for saved pages and by <see cref="FeedReader"/> for the HTML of feed
/// items. Thread-safe: it holds no state.</para>
/// </remarks>
public static class HtmlText
{
    /// <summary>Lists and paragraphs whose text is more than this share of links are navigation, not prose.</summary>
    private const double MaxLinkShare = 0.6;

    /// <summary>A paragraph longer than this is prose, whatever its share of links.</summary>
    private const int LongParagraph = 300;

    private static readonly HashSet<string> s_silent = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video", "audio",
        "canvas", "form", "button", "input", "select", "textarea", "head", "title", "meta", "link",
    };

    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
        "caption", "figure", "figcaption", "address", "hr", "center", "details", "summary", "body", "html",
    };

    /// <summary>The text of an HTML fragment (a feed item's description, say).</summary>
    public static string FromFragment(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return document.Body is null ? "" : Of(document.Body);
    }

    /// <summary>The text under <paramref name="root"/>.</summary>
    public static string Of(INode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var writer = new Writer();
        Walk(root, writer);
        return writer.ToString();
    }

    private static void Walk(INode node, Writer writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Inline(text.Data);
                    break;
                case IElement element:
                    Element(element, writer);
                    break;
            }
        }
    }

    private static void Element(IElement element, Writer writer)
    {
        string name = element.LocalName;
        if (s_silent.Contains(name) || IsHidden(element))
        {
            return;
        }

        if (name == "br")
        {
            writer.Break(1);
            return;
        }

        if (name is "td" or "th")
        {
            writer.Inline(" ");
            Walk(element, writer);
            writer.Inline(" ");
            return;
        }

        if (!s_blocks.Contains(name))
        {
            Walk(element, writer);
            return;
        }

        if (name is "ul" or "ol" or "p" or "li" or "dl" && IsMostlyLinks(element, name is "ul" or "ol" or "dl"))
        {
            return;
        }

        writer.Break(2);
        if (name == "pre")
        {
            writer.Verbatim(element.TextContent);
        }
        else
        {
            Walk(element, writer);
        }

        writer.Break(2);
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || (element.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a list (or a short paragraph) is navigation: most of its words are the words of links.</summary>
    internal static bool IsMostlyLinks(IElement element, bool isList)
    {
        int all = 0, linked = 0;
        Count(element, inLink: false, ref all, ref linked);
        if (all == 0)
        {
            return false;
        }

        if (!isList && all > LongParagraph)
        {
            return false;
        }

        return linked > all * MaxLinkShare;
    }

    private static void Count(INode node, bool inLink, ref int all, ref int linked)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                int letters = 0;
                foreach (char c in text.Data)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        letters++;
                    }
                }

                all += letters;
                if (inLink)
                {
                    linked += letters;
                }
            }
            else if (child is IElement e && !s_silent.Contains(e.LocalName))
            {
                Count(e, inLink || e.LocalName == "a", ref all, ref linked);
            }
        }
    }

    /// <summary>Collects text with white space folded and paragraph breaks kept.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new();
        private int _pendingBreak;
        private bool _pendingSpace;

        public void Inline(string data)
        {
            foreach (char c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = _text.Length > 0;
                    continue;
                }

                Flush();
                _text.Append(c);
            }
        }

        public void Verbatim(string data)
        {
            Flush();
            _text.Append(data.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n'));
        }

        /// <summary>Asks for a line break (1) or a blank line (2) before the next text.</summary>
        public void Break(int lines)
        {
            if (_text.Length > 0)
            {
                _pendingBreak = Math.Max(_pendingBreak, lines);
            }
        }

        private void Flush()
        {
            if (_pendingBreak > 0)
            {
                _text.Append('\n', _pendingBreak);
            }
            else if (_pendingSpace)
            {
                _text.Append(' ');
            }

            _pendingBreak = 0;
            _pendingSpace = false;
        }

        public override string ToString() => _text.ToString();
    }
}
