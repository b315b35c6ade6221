using Tally.Text;

namespace Tally.Recognizers;

/// <summary>
/// Finds a dateline at the start of an article's text ("Wed 05 Apr 2017 ...", "Published August 15 2016",
/// "Date of publication 21 September 2016", "BEIRUT, Aug 28 (Reuters) -") and makes it the publication date.
/// </summary>
/// <remarks>
/// A dateline wins over the dataset's date (see the spec's conventions). It must be a full calendar date with a year
/// within the first eight tokens of the text or the title, after nothing but a heading (capitalized words, punctuation, "Date of publication"). It runs before the <see cref="DateRecognizer"/>, which then
/// resolves relative dates against it and skips it.
/// </remarks>
public sealed class DatelineRecognizer : IRecognizer
{
    private const int Window = 8;

    // Lower-case words that may stand before a dateline's date: "Date of publication", "Last updated at".
    private static readonly HashSet<string> s_lead = new(StringComparer.OrdinalIgnoreCase) { "of", "publication", "updated", "at", "on", "published", "posted", "date" };

    /// <inheritdoc/>
    public string Name => "dateline";

    // "On August 28, 2019 ..." opens a sentence about that day; it is not a dateline.
    private static bool IsPreposition(Document doc, int i) =>
        doc.Is(i, "on") || doc.Is(i, "in") || doc.Is(i, "by") || doc.Is(i, "since") || doc.Is(i, "from") || doc.Is(i, "until")
        || doc.Is(i, "before") || doc.Is(i, "after") || doc.Is(i, "at") && !doc.Is(i - 1, "updated");

    // "Air strikes kill dozens - Region - World - Ahram Online": the headline without the site's suffix.
    private static string WithoutOutletSuffix(string title)
    {
        var t = title.Trim();
        foreach (var separator in (ReadOnlySpan<string>)[" - ", " | "])
        {
            int at = t.IndexOf(separator, StringComparison.Ordinal);
            if (at > 8)
            {
                t = t[..at];
            }
        }

        return t.Trim();
    }

    /// <inheritdoc/>
    public void Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        int firstOfBody = 0;
        while (firstOfBody < tokens.Count && tokens[firstOfBody].Start < document.BodyStartInText)
        {
            firstOfBody++;
        }

        // FA-KES texts repeat the title before their dateline: "<title> Monitor Reuters Wednesday 25 Feb 2015 ...".
        int afterTitle = -1;
        if (document.Article.Title is { Length: > 0 } fullTitle && WithoutOutletSuffix(fullTitle) is { Length: > 8 } title)
        {
            // The body's copy of the title (the content may start with the title itself).
            int bodyStart = document.BodyStartInText;
            var window = document.Text.AsSpan(bodyStart, Math.Min(document.Text.Length - bodyStart, title.Length + 40));
            int at = window.IndexOf(title, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                int end = bodyStart + at + title.Length;
                afterTitle = 0;
                while (afterTitle < tokens.Count && tokens[afterTitle].Start < end)
                {
                    afterTitle++;
                }
            }
        }

        foreach (int start in (ReadOnlySpan<int>)[firstOfBody, 0, afterTitle])
        {
            if (start < 0)
            {
                continue;
            }

            for (int i = start; i < Math.Min(tokens.Count, start + Window); i++)
            {
                if (DateRecognizer.MatchFullDate(document, i) is { } date && !IsPreposition(document, i - 1))
                {
                    document.Dateline = date;
                    return;
                }

                // Only a heading may come before the date: capitalized words ("BEIRUT", "Published") and punctuation.
                var t = tokens[i];
                if (t.Kind == TokenKind.Word && char.IsLower(document.Text[t.Start]) && !s_lead.Contains(document.TokenText(i).ToString()))
                {
                    break;
                }
            }
        }
    }
}
