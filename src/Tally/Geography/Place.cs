namespace Tally.Geography;

/// <summary>What kind of place a gazetteer entry is.</summary>
public enum PlaceKind : byte
{
    /// <summary>A village, town or city.</summary>
    Locality,

    /// <summary>A district (OCHA admin level 2).</summary>
    District,

    /// <summary>A governorate (OCHA admin level 1).</summary>
    Governorate,

    /// <summary>A named region inside a governorate ("Eastern Ghouta").</summary>
    Area,

    /// <summary>A place outside Syria: never an incident's place.</summary>
    Foreign,
}

/// <summary>An entry of the gazetteer.</summary>
/// <param name="Id">A stable id: <c>gn:</c> and the GeoNames id, <c>wof:</c> and the Who's On First id, an OCHA P-code for admin units, or <c>alias:</c> and the name.</param>
/// <param name="Name">The canonical name.</param>
/// <param name="Kind">What kind of place it is.</param>
/// <param name="Governorate">The governorate, as the spec names it; <c>null</c> for a place outside Syria.</param>
/// <param name="District">The district's name, if known.</param>
/// <param name="Latitude">Latitude (WGS 84), or NaN when unknown.</param>
/// <param name="Longitude">Longitude (WGS 84), or NaN when unknown.</param>
/// <param name="Population">Population as GeoNames gives it (0 for most villages).</param>
/// <param name="Feature">The GeoNames feature code (PPL, PPLA2...), if any.</param>
public sealed record Place(
    string Id,
    string Name,
    PlaceKind Kind,
    string? Governorate,
    string? District,
    double Latitude,
    double Longitude,
    long Population,
    string Feature)
{
    /// <summary>The ISO 3166 country code: <c>SY</c> for the built-in entries, another for a user's imported places; <c>null</c> for places abroad known only by name.</summary>
    public string? Country { get; init; } = "SY";

    /// <summary>Every name the gazetteer has for the place (spellings with distinct keys), the canonical one first.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>A rough weight of how often outlets name the place: administrative seats and large towns first.</summary>
    public int Prominence => Kind switch
    {
        PlaceKind.Governorate => 1000,
        PlaceKind.Area => 600,
        PlaceKind.District => 500,
        _ => Feature switch
        {
            "PPLA" or "PPLC" => 900,
            "PPLA2" => 400,
            "PPLA3" => 200,
            _ => 0,
        } + (int)Math.Min(300, Population / 1000),
    };
}
