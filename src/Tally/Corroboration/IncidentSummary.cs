using System.Globalization;
using System.Text;

namespace Tally.Corroboration;

/// <summary>
/// Writes an incident's short factual summary: "On 29 August 2019 an air strike attributed to Russia killed 3
/// civilians in Alteh (Idlib), according to local activists; 1 source."
/// </summary>
/// <remarks>Every statement comes from one field of the incident (date, attack, perpetrators, the reconciled killed
/// and injured, place, governorate, sources), so each is traceable to the claims behind that field; nothing is
/// inferred beyond them. A range is said as a range ("4 to 6 people, best estimate 4").</remarks>
public static class IncidentSummary
{
    /// <summary>The summary of <paramref name="incident"/>.</summary>
    public static string Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var sb = new StringBuilder();
        sb.Append(When(incident)).Append(' ');
        sb.Append(AttackPhrase(incident.Attack));
        if (incident.Perpetrators is { Count: > 0 } perpetrators && perpetrators[0] != "unknown")
        {
            sb.Append(" attributed to ").Append(Join(perpetrators.Select(ActorName).ToList()));
        }

        var victims = new List<string>();
        if (incident.Killed is { } killed)
        {
            victims.Add("killed " + Count(killed, VictimWord(incident)));
        }

        if (incident.Injured is { } injured)
        {
            victims.Add("injured " + Count(injured, victims.Count > 0 ? "" : "people"));
        }

        sb.Append(' ').Append(victims.Count > 0 ? string.Join(" and ", victims) : "caused casualties");
        if (incident.Place is { } place)
        {
            sb.Append(" in ").Append(place);
            if (incident.Governorate is { } g && !place.Contains(g, StringComparison.OrdinalIgnoreCase))
            {
                sb.Append(" (").Append(g).Append(')');
            }
        }
        else if (incident.Governorate is { } governorate)
        {
            sb.Append(" in ").Append(governorate).Append(" governorate");
        }

        var names = incident.Sources.Select(s => SourceName(s.Source)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            sb.Append(", according to ").Append(Join(names));
        }

        sb.Append(CultureInfo.InvariantCulture, $"; {incident.Sources.Count} source{(incident.Sources.Count == 1 ? "" : "s")}.");
        return sb.ToString();
    }

    private static string When(Incident incident)
    {
        if (incident.Date is not { } date)
        {
            return "On an unknown date";
        }

        string day = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        return incident.DatePrecision switch
        {
            "day" => "On " + day,
            "week" => "In the days around " + day,
            "month" => "In " + date.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
            "year" => "In " + date.Year.ToString(CultureInfo.InvariantCulture),
            _ => "Shortly before " + day,
        };
    }

    private static string Count(Estimate e, string noun)
    {
        string tail = noun.Length > 0 ? " " + noun : "";
        if (e.Low == e.High)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{(e.AtLeast ? "at least " : "")}{e.Best}{tail}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{e.Low} to {(e.AtLeast ? "at least " : "")}{e.High}{tail} (best estimate {e.Best})");
    }

    private static string VictimWord(Incident incident)
    {
        var killed = incident.Killed!;
        if (incident.Figures.TryGetValue(VictimCategory.Civilians, out var civilians) && civilians.Best == killed.Best)
        {
            return killed.Best == 1 ? "civilian" : "civilians";
        }

        if (incident.Figures.TryGetValue(VictimCategory.Fighters, out var fighters) && fighters.Best == killed.Best)
        {
            return killed.Best == 1 ? "fighter" : "fighters";
        }

        return killed.Best == 1 && killed.Low == killed.High ? "person" : "people";
    }

    private static string AttackPhrase(string? attack) => attack switch
    {
        "air_strike" => "an air strike",
        "shelling" => "shelling",
        "explosion" => "an explosion",
        "chemical" => "a chemical attack",
        "clash" => "fighting",
        "attack" => "an attack",
        _ => "an incident",
    };

    /// <summary>How a summary names a perpetrator id.</summary>
    public static string ActorName(string id) => id switch
    {
        "syrian_government" => "Syrian government forces",
        "russia" => "Russia",
        "iran" => "Iran and allied militias",
        "us_coalition" => "the US-led coalition",
        "turkey" => "Turkey",
        "israel" => "Israel",
        "isis" => "ISIS",
        "hts" => "HTS",
        "opposition" => "opposition groups",
        "sdf_ypg" => "the SDF/YPG",
        _ => id,
    };

    /// <summary>How a summary names a source id.</summary>
    public static string SourceName(string id) => id switch
    {
        "sohr" => "the Syrian Observatory for Human Rights",
        "white_helmets" => "the White Helmets",
        "un" => "the UN",
        "state_media" => "state media",
        "russia_official" => "Russian officials",
        "turkey_official" => "Turkish officials",
        "us_official" => "US officials",
        "activists" => "local activists",
        "medical" => "medical sources",
        "snhr" => "the Syrian Network for Human Rights",
        "vdc" => "the Violations Documentation Center",
        "outlet" => "the reporting outlet",
        "other" => "other sources",
        _ => id,
    };

    private static string Join(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
