using System.Text.Encodings.Web;
using System.Text.Json;
using Tally.Extraction;
using Tally.Recognizers;
using Tally.Text;

namespace Tally.Formats;

/// <summary>
/// Writes every recognized span of a document as one JSON line, for people debugging a rule.
/// </summary>
/// <remarks>
/// <para>One line per article: <c>{"id", "published", "spans": [...], "claims": [...], "tallies": [...]}</c>. Each span
/// has its <c>kind</c> (<c>sentence</c>, <c>number</c>, <c>date</c>, <c>actor</c>, <c>place</c>...), <c>start</c> and
/// <c>end</c> (half-open character offsets into the article's content as read: the title, a blank line, then the text;
/// see <see cref="Document"/>), the <c>text</c> it covers, and its resolved <c>value</c>. When written from an
/// extraction, each claim is the export's object plus its <c>spans</c> (the <c>[start, end]</c> of every field that
/// came from words) and its <c>place_entry</c>; each tally has its <c>span</c>.</para>
/// </remarks>
public sealed class SpansWriter : IDisposable
{
    internal static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public SpansWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, Options);
    }

    /// <summary>Writes the line of one document: its spans only.</summary>
    public void Write(Document document) => Write(document, null);

    /// <summary>Writes the line of one extraction: the document's spans, then its claims and tallies with theirs.</summary>
    public void Write(ArticleExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        Write(extraction.Document, extraction);
    }

    private void Write(Document document, ArticleExtraction? extraction)
    {
        ArgumentNullException.ThrowIfNull(document);
        var w = _json;
        w.WriteStartObject();
        w.WriteString("id", document.Article.Id);
        WriteDate(w, "published", document.Published);
        if (document.Dateline is { } dateline)
        {
            SpansWriter.WriteDate(w, "dateline", dateline.Date);
        }

        if (document.BodyStart > 0)
        {
            w.WriteNumber("body_start", document.BodyStart);
        }

        w.WriteStartArray("spans");
        foreach (var s in document.Sentences)
        {
            Begin(w, document, "sentence", s.Range);
            w.WriteNumber("paragraph", s.Paragraph);
            w.WriteEndObject();
        }

        foreach (var n in document.Numbers)
        {
            Begin(w, document, "number", n.Range);
            w.WriteStartObject("value");
            WriteNullable(w, "count", n.Value);
            if (n.High is { } high)
            {
                w.WriteNumber("high", high);
            }

            if (n.Vague is not null)
            {
                w.WriteString("vague", n.Vague);
            }

            w.WriteString("qualifier", QualifierName(n.Qualifier));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        foreach (var d in document.Dates)
        {
            Begin(w, document, "date", d.Range);
            w.WriteStartObject("value");
            WriteDate(w, "date", d.Date);
            w.WriteString("precision", PrecisionName(d.Precision));
            WriteDate(w, "from", d.From);
            WriteDate(w, "to", d.To);
            w.WriteString("expression", d.Expression.ToString().ToLowerInvariant());
            w.WriteEndObject();
            w.WriteEndObject();
        }

        WriteLexicon(w, document, "actor", document.Actors);
        WriteLexicon(w, document, "source", document.Sources);
        WriteLexicon(w, document, "attack", document.Attacks);
        WriteLexicon(w, document, "victim", document.Victims);
        WriteLexicon(w, document, "casualty", document.Casualties);
        foreach (var p in document.Places)
        {
            Begin(w, document, "place", p.Range);
            w.WriteStartObject("value");
            w.WriteBoolean("area", p.IsArea);
            w.WriteNumber("candidates", p.Candidates.Count);
            if (p.Resolved is { } place)
            {
                w.WriteString("id", place.Id);
                w.WriteString("name", place.Name);
                w.WriteString("kind", place.Kind.ToString().ToLowerInvariant());
                if (place.Governorate is null)
                {
                    w.WriteNull("governorate");
                }
                else
                {
                    w.WriteString("governorate", place.Governorate);
                }

                if (place.District is not null)
                {
                    w.WriteString("district", place.District);
                }

                if (!double.IsNaN(place.Latitude))
                {
                    w.WriteNumber("lat", place.Latitude);
                    w.WriteNumber("lon", place.Longitude);
                }
            }

            w.WriteNumber("confidence", Math.Round(p.Confidence, 2));
            if (p.Reason is not null)
            {
                w.WriteString("reason", p.Reason);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (extraction is not null)
        {
            ClaimsWriter.WriteClaimsAndTallies(w, extraction, withSpans: true);
        }

        w.WriteEndObject();
        w.Flush();
        _output.WriteByte((byte)'\n');
        w.Reset(_output);
    }

    private static void WriteLexicon(Utf8JsonWriter w, Document document, string kind, List<LexiconMention> mentions)
    {
        foreach (var m in mentions)
        {
            Begin(w, document, kind, m.Range);
            w.WriteStartObject("value");
            w.WriteString("id", m.Value);
            if (m.Values[0].Length > 1)
            {
                w.WriteStartArray("uses");
                foreach (var v in m.Values)
                {
                    w.WriteStringValue(string.Join(' ', v.Skip(1)));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }
    }

    private static void Begin(Utf8JsonWriter w, Document document, string kind, CharRange range)
    {
        var raw = document.ToRaw(range);
        w.WriteStartObject();
        w.WriteString("kind", kind);
        w.WriteNumber("start", raw.Start);
        w.WriteNumber("end", raw.End);
        w.WriteString("text", raw.Of(document.Raw));
    }

    internal static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
        {
            w.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    internal static void WriteNullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>The spec's name of a qualifier: <c>exact</c>, <c>at_least</c>, <c>about</c>, <c>up_to</c>.</summary>
    public static string QualifierName(Qualifier qualifier) => qualifier switch
    {
        Qualifier.AtLeast => "at_least",
        Qualifier.About => "about",
        Qualifier.UpTo => "up_to",
        _ => "exact",
    };

    /// <summary>The spec's name of a precision: <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>.</summary>
    public static string PrecisionName(DatePrecision precision) => precision switch
    {
        DatePrecision.Week => "week",
        DatePrecision.Month => "month",
        DatePrecision.Year => "year",
        _ => "day",
    };

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
