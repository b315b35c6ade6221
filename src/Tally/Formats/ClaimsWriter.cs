using System.Text.Json;
using Tally.Extraction;
using Tally.Text;

namespace Tally.Formats;

/// <summary>
/// Writes the claims export of <c>shared/spec/claims-format.md</c>: one JSON line per article, in input order.
/// </summary>
public sealed class ClaimsWriter : IDisposable
{
    /// <summary>The most characters of evidence the export quotes.</summary>
    public const int MaxEvidence = 300;

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;

    /// <summary>Writes to <paramref name="output"/>.</summary>
    public ClaimsWriter(Stream output)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, SpansWriter.Options);
    }

    /// <summary>Writes the line of one article.</summary>
    public void Write(ArticleExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        var doc = extraction.Document;
        var w = _json;
        w.WriteStartObject();
        w.WriteString("id", doc.Article.Id);
        WriteClaimsAndTallies(w, extraction, withSpans: false);
        w.WriteEndObject();
        w.Flush();
        _output.WriteByte((byte)'\n');
        w.Reset(_output);
    }

    /// <summary>
    /// The <c>claims</c> and <c>tallies</c> arrays of an extraction; with <paramref name="withSpans"/>, each claim with
    /// its <c>spans</c> and <c>place_entry</c> and each tally with its <c>span</c> (the <c>--format spans</c> line).
    /// </summary>
    internal static void WriteClaimsAndTallies(Utf8JsonWriter w, ArticleExtraction extraction, bool withSpans)
    {
        var doc = extraction.Document;
        w.WriteStartArray("claims");
        foreach (var claim in extraction.Claims)
        {
            WriteClaim(w, doc, claim, withSpans);
        }

        w.WriteEndArray();
        w.WriteStartArray("tallies");
        foreach (var tally in extraction.Tallies)
        {
            w.WriteStartObject();
            w.WriteNumber("killed", tally.Killed);
            w.WriteString("scope", tally.Scope);
            if (withSpans)
            {
                var raw = doc.ToRaw(tally.Range);
                w.WriteStartArray("span");
                w.WriteNumberValue(raw.Start);
                w.WriteNumberValue(raw.End);
                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes the line of an article that could not be extracted: empty lists and the reason.</summary>
    public void WriteFailure(string id, string error)
    {
        var w = _json;
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("claims");
        w.WriteEndArray();
        w.WriteStartArray("tallies");
        w.WriteEndArray();
        w.WriteString("error", error);
        w.WriteEndObject();
        w.Flush();
        _output.WriteByte((byte)'\n');
        w.Reset(_output);
    }

    /// <summary>
    /// One claim as a JSON object of the spec's export, with <c>spans</c> when <paramref name="withSpans"/>: for each
    /// field that has one, the <c>[start, end]</c> of the words it came from, in the raw content's characters.
    /// </summary>
    public static string ClaimJson(Document doc, Claim claim, bool withSpans)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(claim);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, SpansWriter.Options))
        {
            WriteClaim(w, doc, claim, withSpans);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteClaim(Utf8JsonWriter w, Document doc, Claim c, bool withSpans = false)
    {
        w.WriteStartObject();
        SpansWriter.WriteDate(w, "date", c.Date?.Value);
        w.WriteString("date_precision", c.DatePrecision.ToString().ToLowerInvariant());
        WriteString(w, "place", c.Place?.Value);
        WriteString(w, "governorate", c.Governorate?.Value);
        w.WriteStartArray("perpetrators");
        foreach (var p in c.Perpetrators)
        {
            w.WriteStringValue(p.Value);
        }

        w.WriteEndArray();
        WriteString(w, "attack", c.Attack?.Value);
        w.WriteStartObject("killed");
        SpansWriter.WriteNullable(w, "total", c.Killed.Total?.Value);
        SpansWriter.WriteNullable(w, "civilians", c.Killed.Civilians?.Value);
        SpansWriter.WriteNullable(w, "children", c.Killed.Children?.Value);
        SpansWriter.WriteNullable(w, "women", c.Killed.Women?.Value);
        SpansWriter.WriteNullable(w, "fighters", c.Killed.Fighters?.Value);
        WriteQualifier(w, c.Killed);
        w.WriteEndObject();
        w.WriteStartObject("injured");
        SpansWriter.WriteNullable(w, "total", c.Injured.Total?.Value);
        WriteQualifier(w, c.Injured);
        w.WriteEndObject();
        w.WriteStartArray("sources");
        foreach (var s in c.Sources)
        {
            w.WriteStringValue(s.Value);
        }

        w.WriteEndArray();
        w.WriteString("evidence", Evidence(doc, c.Evidence));
        if (withSpans)
        {
            WriteSpans(w, doc, c);
            WritePlaceEntry(w, c.PlaceEntry);
        }

        w.WriteEndObject();
    }

    private static void WriteSpans(Utf8JsonWriter w, Document doc, Claim c)
    {
        w.WriteStartObject("spans");
        void Span(string name, CharRange? range)
        {
            if (range is { } r)
            {
                var raw = doc.ToRaw(r);
                w.WriteStartArray(name);
                w.WriteNumberValue(raw.Start);
                w.WriteNumberValue(raw.End);
                w.WriteEndArray();
            }
        }

        Span("date", c.Date?.Range);
        Span("place", c.Place?.Range);
        Span("governorate", c.Governorate?.Range);
        Span("attack", c.Attack?.Range);
        Span("killed", c.Killed.Total?.Range);
        Span("killed.civilians", c.Killed.Civilians?.Range);
        Span("killed.children", c.Killed.Children?.Range);
        Span("killed.women", c.Killed.Women?.Range);
        Span("killed.fighters", c.Killed.Fighters?.Range);
        Span("injured", c.Injured.Total?.Range);
        for (int i = 0; i < c.Perpetrators.Count; i++)
        {
            Span($"perpetrators[{i}]", c.Perpetrators[i].Range);
        }

        for (int i = 0; i < c.Sources.Count; i++)
        {
            Span($"sources[{i}]", c.Sources[i].Range);
        }

        Span("evidence", c.Evidence);
        w.WriteEndObject();
    }

    /// <summary>The resolved gazetteer entry of the claim's place: what incidents and maps need.</summary>
    private static void WritePlaceEntry(Utf8JsonWriter w, Geography.Place? entry)
    {
        if (entry is null)
        {
            w.WriteNull("place_entry");
            return;
        }

        IncidentWriter.WritePlaceEntry(w, Corroboration.PlaceEntry.Of(entry));
    }

    private static void WriteQualifier(Utf8JsonWriter w, Counts counts)
    {
        if (counts.Total is not null && counts.Qualifier is { } q)
        {
            w.WriteString("qualifier", SpansWriter.QualifierName(q));
        }
        else
        {
            w.WriteNull("qualifier");
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>The evidence as quoted from the raw text, whitespace runs folded, cut to <see cref="MaxEvidence"/> characters.</summary>
    internal static string Evidence(Document doc, CharRange range)
    {
        return Whitespace.Fold(doc.ToRaw(range).Of(doc.Raw), MaxEvidence);
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();
}
