using System.Globalization;
using System.Text;
using System.Text.Json;
using Tally.Corroboration;

namespace Tally.Formats;

/// <summary>Writes incidents as JSON Lines, as CSV with ACLED-like columns, or as a GeoJSON feature collection.</summary>
/// <remarks>
/// <para>CSV columns (RFC 4180, UTF-8, a header row): <c>event_id, event_date, date_from, date_to,
/// time_precision</c> (ACLED's 1 day, 2 week, 3 month or longer), <c>country, admin1</c> (governorate),
/// <c>admin2</c> (district), <c>location, latitude, longitude, geo_precision</c> (ACLED's 1 the place itself, 2 its
/// district or region, 3 the governorate), <c>actor1</c> (perpetrators, <c>;</c>-separated), <c>event_type</c> (the
/// spec's attack id), <c>fatalities_low, fatalities_best, fatalities_high</c>, the best figures of civilians, children,
/// women and fighters, <c>injured_low, injured_best, injured_high, source_count, sources, outlets, claims, related,
/// notes</c> (the summary).</para>
/// <para>GeoJSON (RFC 7946): one Point feature per incident with coordinates, longitude first; an incident without
/// coordinates has a null geometry. Properties are the CSV columns.</para>
/// </remarks>
public static class IncidentWriter
{
    private static readonly string[] s_columns =
    [
        "event_id", "event_date", "date_from", "date_to", "time_precision", "country", "admin1", "admin2", "location",
        "latitude", "longitude", "geo_precision", "actor1", "event_type", "fatalities_low", "fatalities_best",
        "fatalities_high", "civilians_best", "children_best", "women_best", "fighters_best", "injured_low", "injured_best",
        "injured_high", "source_count", "sources", "outlets", "claims", "related", "notes",
    ];

    /// <summary>The CSV header.</summary>
    public static IReadOnlyList<string> Columns => s_columns;

    /// <summary>The column values of an incident, in <see cref="Columns"/> order (<c>null</c> for an empty cell).</summary>
    public static object?[] Row(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var killed = incident.Killed;
        var injured = incident.Injured;
        long? Best(VictimCategory c) => incident.Figures.TryGetValue(c, out var e) ? e.Best : null;
        return
        [
            incident.Id, Day(incident.Date), Day(incident.From), Day(incident.To), TimePrecision(incident.DatePrecision),
            incident.Governorate is null && incident.Entry is null ? null : "Syria", incident.Governorate,
            incident.Entry?.District, incident.Place ?? incident.Entry?.Name,
            incident.Entry?.Latitude is { } lat ? Math.Round(lat, 5) : null,
            incident.Entry?.Longitude is { } lon ? Math.Round(lon, 5) : null,
            GeoPrecision(incident),
            string.Join(';', incident.Perpetrators), incident.Attack,
            killed?.Low, killed?.Best, killed?.High,
            Best(VictimCategory.Civilians), Best(VictimCategory.Children), Best(VictimCategory.Women), Best(VictimCategory.Fighters),
            injured?.Low, injured?.Best, injured?.High,
            (long)incident.Sources.Count, string.Join(';', incident.Sources.Select(s => s.Source).Distinct(StringComparer.Ordinal)),
            string.Join(';', incident.Sources.SelectMany(s => s.Outlets).Distinct(StringComparer.Ordinal)),
            string.Join(';', incident.Claims.Select(c => c.Ref)), string.Join(';', incident.Related), incident.Summary,
        ];
    }

    /// <summary>Writes the CSV header and one row per incident.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(incidents);
        writer.Write(string.Join(',', s_columns));
        writer.Write("\r\n");
        foreach (var incident in incidents)
        {
            var row = Row(incident);
            for (int i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                writer.Write(CsvField(Cell(row[i])));
            }

            writer.Write("\r\n");
        }
    }

    /// <summary>Writes a GeoJSON FeatureCollection of the incidents.</summary>
    public static void WriteGeoJson(Stream stream, IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(incidents);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = SpansWriter.Options.Encoder });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var incident in incidents)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", incident.Id);
            if (incident.Entry is { Latitude: { } lat, Longitude: { } lon })
            {
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(Math.Round(lon, 5));
                w.WriteNumberValue(Math.Round(lat, 5));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("geometry");
            }

            w.WriteStartObject("properties");
            var row = Row(incident);
            for (int i = 1; i < row.Length; i++)
            {
                WriteValue(w, s_columns[i], row[i]);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes one incident as one JSON object on one line: its record, figures, sources and claims.</summary>
    public static void WriteJson(Stream stream, Incident incident)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(incident);
        using (var w = new Utf8JsonWriter(stream, SpansWriter.Options))
        {
            w.WriteStartObject();
            w.WriteString("id", incident.Id);
            WriteValue(w, "date", Day(incident.Date));
            w.WriteString("date_precision", incident.DatePrecision);
            WriteValue(w, "date_from", Day(incident.From));
            WriteValue(w, "date_to", Day(incident.To));
            WriteValue(w, "place", incident.Place);
            WriteValue(w, "governorate", incident.Governorate);
            if (incident.Entry is { } e)
            {
                WritePlaceEntry(w, e);
            }
            else
            {
                w.WriteNull("place_entry");
            }

            w.WriteStartArray("perpetrators");
            foreach (var p in incident.Perpetrators)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            WriteValue(w, "attack", incident.Attack);
            w.WriteStartObject("figures");
            foreach (var (category, estimate) in incident.Figures.OrderBy(f => f.Key))
            {
                w.WriteStartObject(category.ToString().ToLowerInvariant());
                w.WriteNumber("low", estimate.Low);
                w.WriteNumber("best", estimate.Best);
                w.WriteNumber("high", estimate.High);
                w.WriteString("low_from", estimate.LowFrom);
                w.WriteString("best_from", estimate.BestFrom);
                w.WriteString("high_from", estimate.HighFrom);
                w.WriteBoolean("at_least", estimate.AtLeast);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteNumber("source_count", incident.Sources.Count);
            w.WriteStartArray("sources");
            foreach (var s in incident.Sources)
            {
                w.WriteStartObject();
                w.WriteString("source", s.Source);
                w.WriteString("key", s.Key);
                w.WriteStartArray("outlets");
                foreach (var o in s.Outlets)
                {
                    w.WriteStringValue(o);
                }

                w.WriteEndArray();
                w.WriteString("standing", s.Latest.Ref);
                w.WriteStartArray("claims");
                foreach (var c in s.Claims)
                {
                    w.WriteStringValue(c.Ref);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("claims");
            foreach (var c in incident.Claims)
            {
                w.WriteStartObject();
                w.WriteString("ref", c.Ref);
                w.WriteString("article", c.ArticleId);
                w.WriteNumber("ordinal", c.Ordinal);
                WriteValue(w, "outlet", c.Outlet);
                WriteValue(w, "published", Day(c.Published));
                WriteValue(w, "date", Day(c.Date));
                w.WriteString("date_precision", c.DatePrecision);
                WriteValue(w, "place", c.Place);
                WriteValue(w, "killed", c.Killed.Count);
                WriteValue(w, "killed_qualifier", c.Killed.Qualifier);
                WriteValue(w, "injured", c.Injured.Count);
                w.WriteString("sources", string.Join(';', c.Sources));
                WriteValue(w, "evidence", c.Evidence);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("related");
            foreach (var r in incident.Related)
            {
                w.WriteStringValue(r);
            }

            w.WriteEndArray();
            w.WriteString("summary", incident.Summary);
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes <c>"place_entry": {id, name, precision, district, governorate, lat, lon}</c> (coordinates to 5 decimals, left out when unknown).</summary>
    internal static void WritePlaceEntry(Utf8JsonWriter w, PlaceEntry e)
    {
        w.WriteStartObject("place_entry");
        w.WriteString("id", e.Id);
        w.WriteString("name", e.Name);
        w.WriteString("precision", e.Precision);
        WriteValue(w, "district", e.District);
        WriteValue(w, "governorate", e.Governorate);
        if (e.Latitude is { } lat && e.Longitude is { } lon)
        {
            w.WriteNumber("lat", Math.Round(lat, 5));
            w.WriteNumber("lon", Math.Round(lon, 5));
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNull(name);
                break;
            case string s:
                w.WriteString(name, s);
                break;
            case long l:
                w.WriteNumber(name, l);
                break;
            case int i:
                w.WriteNumber(name, i);
                break;
            case double d:
                w.WriteNumber(name, d);
                break;
            default:
                w.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static long TimePrecision(string precision) => precision switch
    {
        "day" => 1,
        "week" or "report" => 2,
        _ => 3,
    };

    private static long? GeoPrecision(Incident incident) => incident.Entry?.Precision switch
    {
        "village" => 1,
        "district" or "area" => 2,
        "governorate" => 3,
        _ => incident.Place is not null ? 1 : incident.Governorate is not null ? 3 : null,
    };

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.#####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).</summary>
    public static string CsvField(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            sb.Append(c == '"' ? "\"\"" : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}
