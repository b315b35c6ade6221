using Tally.Geography;

namespace Tally.Corroboration;

/// <summary>What a query of incidents keeps: every set field must match.</summary>
/// <remarks>Used by <c>tally incidents</c> and by the API and dashboard, so that both filter alike. Filters apply to
/// incidents already clustered over the whole record: an incident is kept or dropped whole.</remarks>
public sealed record IncidentFilter
{
    /// <summary>Incidents that can have been on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Incidents that can have been on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The governorate (case-insensitive).</summary>
    public string? Governorate { get; init; }

    /// <summary>A place any claim names, matched by spelling key.</summary>
    public string? Place { get; init; }

    /// <summary>A perpetrator id the incident is attributed to.</summary>
    public string? Perpetrator { get; init; }

    /// <summary>The attack type.</summary>
    public string? Attack { get; init; }

    /// <summary>A source id among the incident's independent sources.</summary>
    public string? Source { get; init; }

    /// <summary>An article one of whose claims the incident holds.</summary>
    public string? Article { get; init; }

    /// <summary>The incidents this filter keeps, in their order.</summary>
    public List<Incident> Apply(IEnumerable<Incident> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        string? key = Place is null ? null : NameKey.Of(Place);
        return [.. incidents.Where(i =>
            (From is null || i.To is null || i.To >= From)
            && (To is null || i.From is null || i.From <= To)
            && (Governorate is null || string.Equals(i.Governorate, Governorate, StringComparison.OrdinalIgnoreCase))
            && (key is null || i.Claims.Any(c => c.Place is { } p && NameKey.Of(p) == key) || (i.Entry is { } e && NameKey.Of(e.Name) == key))
            && (Perpetrator is null || i.Perpetrators.Contains(Perpetrator))
            && (Attack is null || i.Attack == Attack)
            && (Source is null || i.Sources.Any(s => s.Source == Source))
            && (Article is null || i.Claims.Any(c => c.ArticleId == Article)))];
    }
}
