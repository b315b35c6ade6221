using System.CommandLine;
using System.Globalization;
using System.Text;
using Tally.Corroboration;
using Tally.Formats;
using Tally.Storage;

namespace Tally.Cli;

// tally incidents, tally incident ID: the claims of the record grouped into incidents.
internal static partial class StoreCommands
{
    public static Command Incidents(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption("table", "json", "csv", "geojson");
        Option<string?> Filter(string name, string description) => new(name) { Description = description };
        var from = Filter("--from", "Incidents that can have been on or after this day (YYYY-MM-DD).");
        var to = Filter("--to", "Incidents that can have been on or before this day.");
        var governorate = Filter("--governorate", "Only this governorate (the spec's names).");
        var place = Filter("--place", "Only incidents at this place, whatever its spelling.");
        var perpetrator = Filter("--perpetrator", "Only incidents attributed to this perpetrator id.");
        var attack = Filter("--attack", "Only this attack type.");
        var source = Filter("--source", "Only incidents one of whose sources is this source id.");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("incidents", "Group the record's claims into incidents across articles and outlets, with reconciled low/best/high figures.");
        foreach (var o in (Option[])[db, format, from, to, governorate, place, perpetrator, attack, source, output])
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            DateOnly? After = null, Before = null;
            foreach (var (option, value) in new[] { (from, parse.GetValue(from)), (to, parse.GetValue(to)) })
            {
                if (value is null)
                {
                    continue;
                }

                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    stderr.WriteLine($"tally: {option.Name}: '{value}' is not a day as YYYY-MM-DD");
                    return ExitCodes.Usage;
                }

                if (option == from)
                {
                    After = day;
                }
                else
                {
                    Before = day;
                }
            }

            return WithStore(parse.GetValue(db), stderr, store =>
            {
                var incidents = new IncidentFilter
                {
                    From = After, To = Before, Governorate = parse.GetValue(governorate), Place = parse.GetValue(place),
                    Perpetrator = parse.GetValue(perpetrator), Attack = parse.GetValue(attack), Source = parse.GetValue(source),
                }.Apply(Cluster(store));
                return Emit(parse.GetValue(output), stdout, stderr, sink =>
                {
                    switch (parse.GetValue(format))
                    {
                        case "json":
                            foreach (var incident in incidents)
                            {
                                IncidentWriter.WriteJson(sink, incident);
                            }

                            break;
                        case "geojson":
                            IncidentWriter.WriteGeoJson(sink, incidents);
                            sink.WriteByte((byte)'\n');
                            break;
                        case "csv":
                            using (var writer = new StreamWriter(sink, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                            {
                                IncidentWriter.WriteCsv(writer, incidents);
                            }

                            break;
                        default:
                            using (var writer = new StreamWriter(sink, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                            {
                                Table(writer, ["incident", "date", "governorate", "place", "attack", "perpetrators", "killed low/best/high", "sources", "claims"],
                                    incidents.Select(i => new[]
                                    {
                                        i.Id, (i.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "") + (i.DatePrecision == "day" ? "" : " (" + i.DatePrecision + ")"),
                                        i.Governorate ?? "", Cut(i.Place ?? "", 24), i.Attack ?? "", string.Join(',', i.Perpetrators),
                                        i.Killed is { } k ? string.Create(CultureInfo.InvariantCulture, $"{k.Low}/{k.Best}/{k.High}") : "",
                                        i.Sources.Count.ToString(CultureInfo.InvariantCulture), i.Claims.Count.ToString(CultureInfo.InvariantCulture),
                                    }));
                                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{incidents.Count} incidents"));
                            }

                            break;
                    }
                });
            });
        });
        return command;
    }

    public static Command Incident(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var format = FormatOption("text", "json");
        var id = new Argument<string>("id") { Description = "The incident's id, as `tally incidents` lists it." };
        var command = new Command("incident", "Show one incident: its claims side by side with their evidence, the reconciled figures and the summary.");
        command.Arguments.Add(id);
        command.Options.Add(db);
        command.Options.Add(format);
        command.SetAction(parse => WithStore(parse.GetValue(db), stderr, store =>
        {
            var all = Cluster(store);
            var incident = all.FirstOrDefault(i => i.Id == parse.GetValue(id));
            if (incident is null)
            {
                stderr.WriteLine($"tally: no incident {parse.GetValue(id)} in the record {store.Location} (`tally incidents` lists them)");
                return ExitCodes.SomethingSkipped;
            }

            if (parse.GetValue(format) == "json")
            {
                return Emit(null, stdout, stderr, sink => IncidentWriter.WriteJson(sink, incident));
            }

            WriteIncident(stdout, incident, all);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static IReadOnlyList<Incident> Cluster(Store store) =>
        IncidentClusterer.Cluster(IncidentInputs.Load(store), IncidentInputs.GovernorateEntries());

    private static void WriteIncident(TextWriter o, Incident i, IReadOnlyList<Incident> all)
    {
        o.WriteLine($"incident {i.Id}");
        o.WriteLine(i.Summary);
        o.WriteLine();
        string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";
        o.WriteLine($"  date         {Day(i.Date)} ({i.DatePrecision}; can be {Day(i.From)} to {Day(i.To)})");
        o.WriteLine($"  place        {i.Place ?? "-"}{(i.Entry is { } e ? $" = {e.Name} [{e.Id}, {e.Precision}{(e.District is null ? "" : ", " + e.District + " district")}]" : "")}");
        o.WriteLine($"  governorate  {i.Governorate ?? "-"}");
        o.WriteLine($"  perpetrators {string.Join(", ", i.Perpetrators)}");
        o.WriteLine($"  attack       {i.Attack ?? "-"}");
        foreach (var (category, estimate) in i.Figures.OrderBy(f => f.Key))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {category.ToString().ToLowerInvariant(),-12} low {estimate.Low} ({estimate.LowFrom})  best {estimate.Best} ({estimate.BestFrom})  high {(estimate.AtLeast ? "at least " : "")}{estimate.High} ({estimate.HighFrom})"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sources      {i.Sources.Count} independent: {string.Join("; ", i.Sources.Select(s => $"{s.Source} via {(s.Outlets.Count == 0 ? "?" : string.Join(", ", s.Outlets))}, standing figure {s.Latest.Ref}"))}"));
        if (i.Related.Count > 0)
        {
            o.WriteLine("  related      " + string.Join(", ", i.Related.Select(r => all.FirstOrDefault(x => x.Id == r) is { } x ? $"{r} ({x.Place ?? x.Governorate}, {x.Killed?.Best.ToString(CultureInfo.InvariantCulture) ?? "?"} killed)" : r)));
        }

        o.WriteLine();
        o.WriteLine("claims, side by side:");
        Table(o, ["claim", "outlet", "published", "source", "killed", "injured", "date", "place", "evidence"],
            i.Claims.Select(c => new[]
            {
                c.Ref, c.Outlet ?? "", Day(c.Published), string.Join(',', c.Sources),
                c.Killed.Count is { } k ? (c.Killed.Qualifier is "at_least" ? "≥" : c.Killed.Qualifier is "about" ? "~" : "") + k.ToString(CultureInfo.InvariantCulture) : "",
                c.Injured.Count?.ToString(CultureInfo.InvariantCulture) ?? "", Day(c.Date), c.Place ?? "", Cut(c.Evidence ?? "", 90),
            }));
    }

    /// <summary>Runs <paramref name="write"/> into a file or standard output; <c>2</c> after saying why the file cannot be written.</summary>
    private static int Emit(string? path, TextWriter stdout, TextWriter stderr, Action<Stream> write)
    {
        if (path is not null)
        {
            try
            {
                using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
                write(file);
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"tally: cannot write {path}: {e.Message}");
                return ExitCodes.Usage;
            }
        }

        using var buffer = new MemoryStream();
        write(buffer);
        stdout.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        stdout.Flush();
        return ExitCodes.Ok;
    }
}
