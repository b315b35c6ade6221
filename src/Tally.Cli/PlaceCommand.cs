using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tally.Geography;

namespace Tally.Cli;

/// <summary><c>tally place NAME</c>: the gazetteer entries a name may mean, the one chosen, and why.</summary>
internal static class PlaceCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var name = new Argument<string>("name") { Description = "A place name as an article writes it, e.g. \"Maaret al Numan\"." };
        var within = new Option<string?>("--in")
        {
            Description = "A governorate the context names (e.g. Idlib), used to choose among namesakes.",
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object instead of a table." };
        var command = new Command("place", "Show the gazetteer entries a place name may mean, the one chosen, and why.");
        command.Arguments.Add(name);
        command.Options.Add(within);
        command.Options.Add(json);
        var places = PlacesOption.Create();
        command.Options.Add(places);
        command.SetAction(parse =>
        {
            var gazetteer = PlacesOption.Load(parse.GetValue(places), stderr);
            if (gazetteer is null)
            {
                return ExitCodes.Usage;
            }

            string written = parse.GetValue(name) ?? "";
            string? governorate = null;
            if (parse.GetValue(within) is { } hint)
            {
                governorate = gazetteer.Lookup(hint).FirstOrDefault(p => p.Kind == PlaceKind.Governorate)?.Governorate;
                if (governorate is null)
                {
                    stderr.WriteLine($"tally: --in: '{hint}' is not a governorate; they are {string.Join(", ", gazetteer.Governorates.Keys.Order(StringComparer.Ordinal))}");
                    return ExitCodes.Usage;
                }
            }

            var candidates = gazetteer.Match(written);
            var far = gazetteer.Lookup(written).Where(p => !candidates.Contains(p)).ToList();
            var evidence = governorate is null
                ? PlaceEvidence.None
                : new PlaceEvidence(new Dictionary<string, double> { [governorate] = 2 }, new HashSet<string> { governorate }, governorate);
            var choice = PlaceResolver.Choose(written, candidates, evidence);
            if (parse.GetValue(json))
            {
                WriteJson(stdout, written, candidates, far, choice);
            }
            else
            {
                WriteTable(stdout, written, candidates, far, choice);
            }

            return candidates.Count == 0 ? ExitCodes.SomethingSkipped : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteTable(TextWriter o, string written, IReadOnlyList<Place> candidates, List<Place> far, PlaceChoice choice)
    {
        o.WriteLine($"{written}  (key {NameKey.Of(written)})");
        if (far.Count > 0)
        {
            o.WriteLine($"  {far.Count} entr{(far.Count == 1 ? "y shares" : "ies share")} the key but {(far.Count == 1 ? "is" : "are")} spelled too differently: "
                + string.Join(", ", far.Take(5).Select(p => $"{p.Name} ({p.Governorate ?? "abroad"})")) + (far.Count > 5 ? ", ..." : ""));
        }

        if (candidates.Count == 0)
        {
            o.WriteLine("  no gazetteer entry has this spelling");
            return;
        }

        o.WriteLine($"  {candidates.Count} candidate{(candidates.Count == 1 ? "" : "s")}:");
        foreach (var p in candidates.OrderByDescending(p => p.Prominence).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            string mark = ReferenceEquals(p, choice.Place) ? "*" : " ";
            string where = string.Join(", ", new[] { p.District, p.Governorate }.Where(x => x is not null).Distinct());
            string at = double.IsNaN(p.Latitude) ? "" : string.Create(CultureInfo.InvariantCulture, $" {p.Latitude:0.####},{p.Longitude:0.####}");
            o.WriteLine($"  {mark} {p.Id,-14} {p.Name} ({p.Kind.ToString().ToLowerInvariant()}{(where.Length > 0 ? ", " + where : "")}){at}");
        }

        o.WriteLine(choice.Place is null
            ? $"  chosen: none ({choice.Reason})"
            : string.Create(CultureInfo.InvariantCulture, $"  chosen: {choice.Place.Name}, {choice.Place.Governorate ?? "abroad"}; confidence {choice.Confidence:0.00}; {choice.Reason}"));
    }

    private static void WriteJson(TextWriter o, string written, IReadOnlyList<Place> candidates, List<Place> far, PlaceChoice choice)
    {
        var result = new
        {
            name = written,
            key = NameKey.Of(written),
            candidates = candidates.Select(p => new
            {
                id = p.Id, name = p.Name, kind = p.Kind.ToString().ToLowerInvariant(), district = p.District, governorate = p.Governorate,
                lat = double.IsNaN(p.Latitude) ? (double?)null : p.Latitude, lon = double.IsNaN(p.Longitude) ? (double?)null : p.Longitude,
                chosen = ReferenceEquals(p, choice.Place),
            }),
            far = far.Select(p => p.Id),
            chosen = choice.Place?.Id,
            confidence = choice.Confidence,
            reason = choice.Reason,
        };
        o.WriteLine(JsonSerializer.Serialize(result));
    }
}
