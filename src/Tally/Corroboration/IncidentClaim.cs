using System.Globalization;
using System.Text.Json;
using Tally.Geography;

namespace Tally.Corroboration;

/// <summary>A figure of a claim as reconciliation sees it: a count and its hedge.</summary>
/// <param name="Count">The number, or <c>null</c> when the claim gives none for this category.</param>
/// <param name="Qualifier">The spec's qualifier (<c>exact</c>, <c>at_least</c>, <c>about</c>, <c>up_to</c>), if any.</param>
public readonly record struct Figure(long? Count, string? Qualifier);

/// <summary>
/// One claim as incident clustering needs it: what, where, when, by whom and who says so, with the article it came
/// from and the near-duplicate group that article belongs to.
/// </summary>
/// <remarks>Immutable. Built from the record (<see cref="FromJson"/> reads the claim JSON the record keeps) or by
/// hand in tests and benchmarks.</remarks>
public sealed record IncidentClaim
{
    /// <summary>The article's id.</summary>
    public required string ArticleId { get; init; }

    /// <summary>The claim's position in its article.</summary>
    public int Ordinal { get; init; }

    /// <summary>The article's place in ingest order (earlier articles first).</summary>
    public long ArticleSeq { get; init; }

    /// <summary>The id of the earliest article of the claim's near-duplicate group (its own id when it repeats none):
    /// claims of one group are one report, never independent corroboration.</summary>
    public string? ReportGroup { get; init; }

    /// <summary>The outlet that published the article.</summary>
    public string? Outlet { get; init; }

    /// <summary>The article's publication date.</summary>
    public DateOnly? Published { get; init; }

    /// <summary>The incident's date as the claim gives it.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The spec's date precision: <c>day</c>, <c>week</c>, <c>month</c>, <c>year</c>, <c>report</c>.</summary>
    public string DatePrecision { get; init; } = "report";

    /// <summary>The place as written.</summary>
    public string? Place { get; init; }

    /// <summary>The gazetteer entry the place resolved to, if any.</summary>
    public PlaceEntry? Entry { get; init; }

    /// <summary>The governorate (spec names).</summary>
    public string? Governorate { get; init; }

    /// <summary>The spec's perpetrator ids.</summary>
    public IReadOnlyList<string> Perpetrators { get; init; } = [];

    /// <summary>The spec's attack id.</summary>
    public string? Attack { get; init; }

    /// <summary>Killed, in total.</summary>
    public Figure Killed { get; init; }

    /// <summary>Civilians killed.</summary>
    public Figure Civilians { get; init; }

    /// <summary>Children killed.</summary>
    public Figure Children { get; init; }

    /// <summary>Women killed.</summary>
    public Figure Women { get; init; }

    /// <summary>Fighters killed.</summary>
    public Figure Fighters { get; init; }

    /// <summary>Injured, in total.</summary>
    public Figure Injured { get; init; }

    /// <summary>The spec's source ids.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The words that carry the figure.</summary>
    public string? Evidence { get; init; }

    /// <summary>A recorder's decision on the claim ("confirm by NAME", "correct by NAME"), if any.</summary>
    public string? Review { get; init; }

    /// <summary>The claim's reference: <c>article#ordinal</c>.</summary>
    public string Ref => string.Create(CultureInfo.InvariantCulture, $"{ArticleId}#{Ordinal}");

    /// <summary>The group whose claims are one report.</summary>
    public string Group => ReportGroup ?? ArticleId;

    /// <summary>The figure of a victim category.</summary>
    public Figure FigureOf(VictimCategory category) => category switch
    {
        VictimCategory.Killed => Killed,
        VictimCategory.Civilians => Civilians,
        VictimCategory.Children => Children,
        VictimCategory.Women => Women,
        VictimCategory.Fighters => Fighters,
        _ => Injured,
    };

    /// <summary>Reads a claim from the JSON the record keeps (the spec's claim object, with <c>place_entry</c> when known).</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static IncidentClaim FromJson(string json, string articleId, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"claim {articleId}#{ordinal}: not a JSON object");
        }

        var killed = root.TryGetProperty("killed", out var k) && k.ValueKind == JsonValueKind.Object ? k : default;
        var injured = root.TryGetProperty("injured", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
        string? qualifier = Text(killed, "qualifier");
        return new IncidentClaim
        {
            ArticleId = articleId,
            Ordinal = ordinal,
            Date = Text(root, "date") is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            DatePrecision = Text(root, "date_precision") ?? "report",
            Place = Text(root, "place"),
            Governorate = Text(root, "governorate"),
            Entry = root.TryGetProperty("place_entry", out var e) && e.ValueKind == JsonValueKind.Object ? PlaceEntry.FromJson(e) : null,
            Perpetrators = Strings(root, "perpetrators"),
            Attack = Text(root, "attack"),
            Killed = new Figure(Number(killed, "total"), qualifier),
            Civilians = new Figure(Number(killed, "civilians"), null),
            Children = new Figure(Number(killed, "children"), null),
            Women = new Figure(Number(killed, "women"), null),
            Fighters = new Figure(Number(killed, "fighters"), null),
            Injured = new Figure(Number(injured, "total"), Text(injured, "qualifier")),
            Sources = Strings(root, "sources"),
            Evidence = Text(root, "evidence"),
            Review = root.TryGetProperty("review", out var r) && r.ValueKind == JsonValueKind.Object ? $"{Text(r, "decision")} by {Text(r, "who")}" : null,
        };
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    private static string[] Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];
}

/// <summary>The victim categories incidents reconcile.</summary>
public enum VictimCategory : byte
{
    /// <summary>Everyone killed.</summary>
    Killed,

    /// <summary>Civilians killed.</summary>
    Civilians,

    /// <summary>Children killed.</summary>
    Children,

    /// <summary>Women killed.</summary>
    Women,

    /// <summary>Fighters killed.</summary>
    Fighters,

    /// <summary>Everyone injured.</summary>
    Injured,
}

/// <summary>A gazetteer entry as a claim or an incident carries it: enough to place it on a map and in the admin levels.</summary>
/// <param name="Id">The gazetteer id.</param>
/// <param name="Name">The canonical name.</param>
/// <param name="Precision"><c>village</c>, <c>area</c>, <c>district</c> or <c>governorate</c>.</param>
/// <param name="District">The district's name, if known.</param>
/// <param name="Governorate">The governorate.</param>
/// <param name="Latitude">WGS 84 latitude, if known.</param>
/// <param name="Longitude">WGS 84 longitude, if known.</param>
public sealed record PlaceEntry(string Id, string Name, string Precision, string? District, string? Governorate, double? Latitude, double? Longitude)
{
    /// <summary>Whether the entry is a village or town (not an admin unit or a region).</summary>
    public bool IsSpecific => Precision == "village";

    /// <summary>The entry of a gazetteer place.</summary>
    public static PlaceEntry Of(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new PlaceEntry(place.Id, place.Name,
            place.Kind switch
            {
                PlaceKind.Governorate => "governorate",
                PlaceKind.District => "district",
                PlaceKind.Area => "area",
                _ => "village",
            },
            place.District, place.Governorate,
            double.IsNaN(place.Latitude) ? null : place.Latitude,
            double.IsNaN(place.Longitude) ? null : place.Longitude);
    }

    internal static PlaceEntry? FromJson(JsonElement e)
    {
        string? id = e.TryGetProperty("id", out var i) ? i.GetString() : null;
        string? name = e.TryGetProperty("name", out var n) ? n.GetString() : null;
        if (id is null || name is null)
        {
            return null;
        }

        static string? S(JsonElement e, string p) => e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        static double? D(JsonElement e, string p) => e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        return new PlaceEntry(id, name, S(e, "precision") ?? "village", S(e, "district"), S(e, "governorate"), D(e, "lat"), D(e, "lon"));
    }
}
