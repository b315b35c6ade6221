using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Tally.Corroboration;
using Tally.Extraction;
using Tally.Storage;

namespace Tally.Web;

/// <summary>
/// The dashboard's pages, rendered on the server as HTML with inline SVG and CSS: no script, nothing fetched from
/// elsewhere, so a page renders offline and prints.
/// </summary>
/// <remarks>
/// <para><c>/</c>: a map of the incidents over the governorate and district outlines (a circle per located incident,
/// its area proportional to the best figure of killed), a timeline of killed per week stacked by perpetrator, and the
/// incidents with the most killed; all three follow the same filters (dates, perpetrator, attack type).
/// <c>/incidents/ID</c>: the summary, the reconciled figures and each claim side by side with its evidence, linked
/// to the evidence in its article. <c>/articles/ID</c>: the article with every recognized span highlighted by kind,
/// and its claims.</para>
/// <para>Every text from the record is HTML-encoded.</para>
/// </remarks>
internal static class Dashboard
{
    private const double MapWidth = 640, MapHeight = 560, West = 35.55, East = 42.5, North = 37.4, South = 32.25;

    /// <summary>One fixed color per perpetrator id, the same on every page and filter.</summary>
    private static readonly Dictionary<string, string> s_colors = new(StringComparer.Ordinal)
    {
        ["syrian_government"] = "#b2182b", ["russia"] = "#e08214", ["iran"] = "#1b7837", ["us_coalition"] = "#2166ac",
        ["turkey"] = "#35978f", ["israel"] = "#762a83", ["isis"] = "#3f3f3f", ["hts"] = "#8c510a", ["opposition"] = "#c51b7d",
        ["sdf_ypg"] = "#bf9b30", ["unknown"] = "#9a9a9a",
    };

    private static readonly Lazy<Outline[]> s_governorates = new(() => LoadOutlines("governorates"));
    private static readonly Lazy<Outline[]> s_districts = new(() => LoadOutlines("districts"));

    private sealed record Outline(string Code, string Name, IReadOnlyList<(double Lon, double Lat)[]> Rings);

    private static Outline[] LoadOutlines(string layer)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Tally.Web.boundaries.json")!;
        using var json = JsonDocument.Parse(stream);
        return [.. json.RootElement.GetProperty(layer).EnumerateArray().Select(f => new Outline(
            f.GetProperty("pcode").GetString()!, f.GetProperty("name").GetString()!,
            [.. f.GetProperty("rings").EnumerateArray().Select(r => r.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToArray())]))];
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static (double X, double Y) Project(double lon, double lat) =>
        ((lon - West) / (East - West) * MapWidth, (North - lat) / (North - South) * MapHeight);

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{E(title)}} · Tally</title>
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#26323d;color:#fff;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}
        main{padding:1em 1.2em;max-width:1400px}h1{font-size:1.35em;margin:.2em 0 .6em}h2{font-size:1.1em;margin:1.2em 0 .4em}
        .grid{display:flex;flex-wrap:wrap;gap:1.2em}.panel{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8em}
        table{border-collapse:collapse;background:#fff}td,th{border-bottom:1px solid #e4e4e4;padding:.3em .6em;text-align:left;vertical-align:top;white-space:nowrap}
        th{background:#f0f0f0}form label{margin-right:.8em}input,select{font:inherit}
        .summary{font-size:1.05em;background:#fff;border-left:4px solid #26323d;padding:.6em .9em}
        .evidence{max-width:38em;white-space:normal}mark{padding:0 .1em;border-radius:2px}.legend span{display:inline-block;margin-right:1em}
        .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border-radius:2px}
        .text{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:1em;max-width:60em}
        .k-number{background:#ffe08a}.k-date{background:#b9e3ff}.k-place{background:#c7f0c2}.k-actor{background:#f7c4c4}
        .k-source{background:#e3d0f5}.k-attack{background:#ffd1a8}.k-victim{background:#d9d9d9}.k-casualty{background:#ffb3d1}
        .highlight{outline:3px solid #d7301f}
        </style></head><body><header><a href="/">Tally</a> — casualty claims from conflict news</header><main>
        {{body}}
        </main></body></html>
        """;

    /// <summary>The dashboard: filters, map, timeline and the largest incidents.</summary>
    public static string Index(IReadOnlyList<Incident> incidents, ClaimFilter filter)
    {
        var perpetrators = incidents.SelectMany(i => i.Perpetrators).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var colors = perpetrators.ToDictionary(p => p, p => s_colors.GetValueOrDefault(p, "#5e5e5e"), StringComparer.Ordinal);
        var body = new StringBuilder();
        body.Append("<h1>Incidents</h1>");
        body.Append(Filters(filter, incidents));
        long killed = incidents.Sum(i => i.Killed?.Best ?? 0);
        body.Append(CultureInfo.InvariantCulture, $"<p>{incidents.Count} incidents, {killed} killed (best estimates), {incidents.Sum(i => i.Claims.Count)} claims.</p>");
        body.Append("<div class=\"grid\"><div class=\"panel\"><h2>Map</h2>").Append(Map(incidents, colors)).Append("</div>");
        body.Append("<div class=\"panel\"><h2>Killed per week, by perpetrator</h2>").Append(Timeline(incidents, colors)).Append("</div></div>");
        body.Append("<h2>Most killed</h2><table><tr><th>date</th><th>place</th><th>governorate</th><th>attack</th><th>perpetrators</th><th>killed low/best/high</th><th>sources</th><th>summary</th></tr>");
        foreach (var i in incidents.OrderByDescending(i => i.Killed?.Best ?? 0).ThenBy(i => i.Id, StringComparer.Ordinal).Take(25))
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(Day(i.Date))}</td><td><a href=\"/incidents/{E(i.Id)}\">{E(i.Place ?? i.Governorate ?? "?")}</a></td><td>{E(i.Governorate)}</td><td>{E(i.Attack)}</td><td>{E(string.Join(", ", i.Perpetrators))}</td><td>{Figures(i.Killed)}</td><td>{i.Sources.Count}</td><td class=\"evidence\">{E(i.Summary)}</td></tr>");
        }

        body.Append("</table><p><small>Boundaries: UN OCHA COD-AB (CC BY 3.0 IGO), simplified; they do not imply endorsement by the United Nations. Places: GeoNames, Who's On First.</small></p>");
        return Page("Incidents", body.ToString());
    }

    private static string Filters(ClaimFilter f, IReadOnlyList<Incident> incidents)
    {
        string Options(IEnumerable<string> values, string? selected) =>
            "<option value=\"\">any</option>" + string.Concat(values.Select(v => $"<option{(v == selected ? " selected" : "")}>{E(v)}</option>"));
        var perpetrators = new[] { "syrian_government", "russia", "iran", "us_coalition", "turkey", "israel", "isis", "hts", "opposition", "sdf_ypg", "unknown" };
        var attacks = new[] { "air_strike", "shelling", "explosion", "chemical", "clash", "attack", "other" };
        return $"""
            <form method="get" action="/" class="panel">
            <label>from <input type="date" name="from" value="{E(f.From)}"></label>
            <label>to <input type="date" name="to" value="{E(f.To)}"></label>
            <label>perpetrator <select name="perpetrator">{Options(perpetrators, f.Perpetrator)}</select></label>
            <label>attack <select name="attack">{Options(attacks, f.Attack)}</select></label>
            <button type="submit">Show</button> <a href="/">clear</a>
            </form>
            """;
    }

    private static string Map(IReadOnlyList<Incident> incidents, Dictionary<string, string> colors)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(MapWidth)}\" height=\"{N(MapHeight)}\" viewBox=\"0 0 {N(MapWidth)} {N(MapHeight)}\" role=\"img\" aria-label=\"Map of incidents\">");
        foreach (var (layer, style) in new[] { (s_districts.Value, "fill=\"#f4f1ea\" stroke=\"#c9c2b4\" stroke-width=\"0.5\""), (s_governorates.Value, "fill=\"none\" stroke=\"#6b6254\" stroke-width=\"1.2\"") })
        {
            foreach (var outline in layer)
            {
                svg.Append("<path class=\"boundary\" ").Append(style).Append(" d=\"");
                foreach (var ring in outline.Rings)
                {
                    for (int k = 0; k < ring.Length; k++)
                    {
                        var (x, y) = Project(ring[k].Lon, ring[k].Lat);
                        svg.Append(k == 0 ? 'M' : 'L').Append(N(x)).Append(',').Append(N(y));
                    }

                    svg.Append('Z');
                }

                svg.Append("\"><title>").Append(E(outline.Name)).Append("</title></path>");
            }
        }

        double largest = Math.Max(1, incidents.Max(i => (double?)(i.Killed?.Best ?? 0)) ?? 1);
        foreach (var i in incidents.Where(i => i.Entry is { Latitude: not null, Longitude: not null }).OrderByDescending(i => i.Killed?.Best ?? 0))
        {
            var (x, y) = Project(i.Entry!.Longitude!.Value, i.Entry.Latitude!.Value);
            double r = 2 + 22 * Math.Sqrt((i.Killed?.Best ?? 0) / largest);
            string color = colors.GetValueOrDefault(i.Perpetrators[0], "#4d4d4d");
            svg.Append(CultureInfo.InvariantCulture,
                $"<a href=\"/incidents/{E(i.Id)}\"><circle class=\"incident\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{color}\" fill-opacity=\"0.55\" stroke=\"{color}\"><title>{E(i.Summary)}</title></circle></a>");
        }

        svg.Append("</svg>");
        svg.Append("<div class=\"legend\">");
        foreach (var (p, c) in colors)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<span><i class=\"swatch\" style=\"background:{c}\"></i>{E(p)}</span>");
        }

        return svg.Append("</div>").ToString();
    }

    private static string Timeline(IReadOnlyList<Incident> incidents, Dictionary<string, string> colors)
    {
        const double width = 640, height = 300, left = 44, bottom = 26;
        var dated = incidents.Where(i => i.Date is not null && i.Killed is not null).ToList();
        if (dated.Count == 0)
        {
            return "<p>No dated incident with a figure.</p>";
        }

        static int Week(DateOnly d) => d.DayNumber / 7;
        int first = dated.Min(i => Week(i.Date!.Value)), last = dated.Max(i => Week(i.Date!.Value));
        var weeks = dated.GroupBy(i => Week(i.Date!.Value)).ToDictionary(g => g.Key,
            g => g.GroupBy(i => i.Perpetrators[0], StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.Sum(i => i.Killed!.Best), StringComparer.Ordinal));
        double most = Math.Max(1, weeks.Values.Max(w => w.Values.Sum()));
        double barWidth = Math.Max(1, (width - left) / (last - first + 1));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"Killed per week\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(left)}\" y1=\"{N(height - bottom)}\" x2=\"{N(width)}\" y2=\"{N(height - bottom)}\" stroke=\"#888\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"2\" y=\"12\" font-size=\"11\">{N(most)}</text><text x=\"2\" y=\"{N(height - bottom)}\" font-size=\"11\">0</text>");
        foreach (var (week, byPerpetrator) in weeks.OrderBy(w => w.Key))
        {
            double x = left + (week - first) * barWidth, y = height - bottom;
            foreach (var (perpetrator, count) in byPerpetrator.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                double h = count / most * (height - bottom - 16);
                y -= h;
                var monday = DateOnly.FromDayNumber(week * 7);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"bar\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(1, barWidth - 0.5))}\" height=\"{N(h)}\" fill=\"{colors.GetValueOrDefault(perpetrator, "#4d4d4d")}\"><title>week of {Day(monday)}: {count} killed, {E(perpetrator)}</title></rect>");
            }
        }

        var start = DateOnly.FromDayNumber(first * 7);
        var end = DateOnly.FromDayNumber(last * 7);
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(left)}\" y=\"{N(height - 8)}\" font-size=\"11\">{Day(start)}</text><text x=\"{N(width - 70)}\" y=\"{N(height - 8)}\" font-size=\"11\">{Day(end)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>One incident: summary, figures, sources and the claims side by side.</summary>
    public static string Incident(Incident i, IReadOnlyList<Incident> all)
    {
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(i.Place ?? i.Governorate ?? "Incident")} — {E(Day(i.Date))}</h1>");
        body.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\" id=\"summary\">{E(i.Summary)}</p>");
        body.Append(CultureInfo.InvariantCulture, $"<p>Date {E(Day(i.Date))} ({E(i.DatePrecision)}; can be {E(Day(i.From))} to {E(Day(i.To))}) · governorate {E(i.Governorate)}");
        if (i.Entry is { } e)
        {
            body.Append(CultureInfo.InvariantCulture, $" · gazetteer {E(e.Name)} [{E(e.Id)}, {E(e.Precision)}]");
        }

        body.Append(CultureInfo.InvariantCulture, $" · perpetrators {E(string.Join(", ", i.Perpetrators))} · attack {E(i.Attack)}</p>");
        body.Append("<h2>Reconciled figures</h2><table id=\"figures\"><tr><th>category</th><th>low</th><th>best</th><th>high</th><th>from claims</th></tr>");
        foreach (var (category, est) in i.Figures.OrderBy(f => f.Key))
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(category.ToString().ToLowerInvariant())}</td><td>{est.Low}</td><td>{est.Best}</td><td>{(est.AtLeast ? "≥" : "")}{est.High}</td><td>{E(est.LowFrom)} · {E(est.BestFrom)} · {E(est.HighFrom)}</td></tr>");
        }

        body.Append(CultureInfo.InvariantCulture, $"</table><h2>{i.Sources.Count} independent source{(i.Sources.Count == 1 ? "" : "s")}, claims side by side</h2>");
        body.Append("<table id=\"claims\"><tr><th>source</th><th>outlet</th><th>published</th><th>killed</th><th>qualifier</th><th>injured</th><th>date</th><th>place</th><th>evidence</th><th>review</th></tr>");
        foreach (var c in i.Claims)
        {
            string action = $"/claims/{Uri.EscapeDataString(c.ArticleId)}/{c.Ordinal}/review";
            string row = $"<tr><td>{E(string.Join(", ", c.Sources))}</td><td>{E(c.Outlet)}</td><td>{E(Day(c.Published))}</td><td>{c.Killed.Count?.ToString(CultureInfo.InvariantCulture) ?? ""}</td><td>{E(c.Killed.Qualifier)}</td><td>{c.Injured.Count?.ToString(CultureInfo.InvariantCulture) ?? ""}</td><td>{E(Day(c.Date))}</td><td>{E(c.Place)}</td><td class=\"evidence\"><a href=\"/articles/{Uri.EscapeDataString(c.ArticleId)}?claim={c.Ordinal.ToString(CultureInfo.InvariantCulture)}#evidence\">{E(c.Evidence)}</a></td>"
                + $"<td>{(c.Review is { } r ? $"<b>{E(r)}</b><br>" : "")}<form class=\"review\" method=\"post\" action=\"{E(action)}\"><input type=\"hidden\" name=\"back\" value=\"/incidents/{E(i.Id)}\">"
                + "<select name=\"decision\"><option>confirm</option><option>correct</option><option>reject</option></select> "
                + "<input name=\"killed\" size=\"4\" placeholder=\"killed\" inputmode=\"numeric\"> <input name=\"token\" type=\"password\" size=\"8\" placeholder=\"token\"> <button type=\"submit\">save</button></form></td></tr>";
            body.Append(row);
        }

        body.Append("</table><p><small>Reviews need a token from <code>tally token create</code>; a correction replaces the machine's figure in exports and incidents, a rejection leaves the claim out.</small></p>");
        if (i.Related.Count > 0)
        {
            body.Append("<h2>Related incidents</h2><ul>");
            foreach (var r in i.Related)
            {
                var other = all.FirstOrDefault(x => x.Id == r);
                body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/incidents/{E(r)}\">{E(other?.Summary ?? r)}</a></li>");
            }

            body.Append("</ul>");
        }

        return Page("Incident " + i.Id, body.ToString());
    }

    /// <summary>An article with every recognized span highlighted by kind, the evidence of <paramref name="claim"/> outlined.</summary>
    public static string Article(ArticleRow a, ArticleExtraction extraction, IReadOnlyList<ClaimRow> claims, int? claim)
    {
        var doc = extraction.Document;
        string content = doc.Raw;
        // Highlighting is quadratic in the spans of one article; a huge one is shown plain.
        var spans = SpanList(doc);
        if (spans.Count > 20_000)
        {
            spans.Clear();
        }

        (int Start, int End)? outlined = null;
        if (claim is { } ordinal && claims.FirstOrDefault(c => c.Ordinal == ordinal) is { } row
            && JsonDocument.Parse(row.Json).RootElement.TryGetProperty("spans", out var claimSpans) && claimSpans.TryGetProperty("evidence", out var ev))
        {
            outlined = (ev[0].GetInt32(), ev[1].GetInt32());
        }

        // Nested marks: spans sorted by start, longest first; a span that crosses an open one is cut at its end.
        var text = new StringBuilder();
        var open = new Stack<int>();
        var boundaries = new SortedSet<int> { 0, content.Length };
        foreach (var s in spans)
        {
            boundaries.Add(s.Start);
            boundaries.Add(s.End);
        }

        if (outlined is { } o)
        {
            boundaries.Add(o.Start);
            boundaries.Add(o.End);
        }

        var cuts = boundaries.ToArray();
        bool anchored = false;
        for (int k = 0; k + 1 < cuts.Length; k++)
        {
            int from = cuts[k], to = cuts[k + 1];
            if (from >= content.Length)
            {
                break;
            }

            var kinds = spans.Where(s => s.Start <= from && s.End >= to).Select(s => s.Kind).Distinct().ToList();
            bool inEvidence = outlined is { } ov && ov.Start <= from && ov.End >= to;
            string piece = E(content[from..Math.Min(to, content.Length)]);
            if (kinds.Count == 0 && !inEvidence)
            {
                text.Append(piece);
                continue;
            }

            string classes = string.Join(' ', kinds.Select(x => "k-" + x).Append(inEvidence ? "highlight" : "").Where(x => x.Length > 0));
            string anchor = inEvidence && !anchored ? " id=\"evidence\"" : "";
            anchored |= inEvidence;
            text.Append(CultureInfo.InvariantCulture, $"<mark{anchor} class=\"{classes}\" title=\"{E(string.Join(", ", kinds))}\">{piece}</mark>");
        }

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<h1>{E(a.Title ?? a.Id)}</h1><p>{E(a.Source)} · {E(a.Published)}{(a.Byline is null ? "" : " · " + E(a.Byline))}{(a.Url is null ? "" : $" · <a href=\"{E(a.Url)}\">original</a>")}</p>");
        body.Append("<p class=\"legend\">");
        foreach (var kind in new[] { "number", "date", "place", "actor", "source", "attack", "victim", "casualty" })
        {
            body.Append(CultureInfo.InvariantCulture, $"<span><i class=\"swatch k-{kind}\"></i>{kind}</span>");
        }

        body.Append("</p><div class=\"text\" id=\"article-text\">").Append(text).Append("</div>");
        body.Append(CultureInfo.InvariantCulture, $"<h2>{claims.Count} claims</h2><table><tr><th>#</th><th>killed</th><th>injured</th><th>date</th><th>place</th><th>perpetrators</th><th>attack</th><th>sources</th></tr>");
        foreach (var c in claims)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"?claim={c.Ordinal}#evidence\">{c.Ordinal}</a></td><td>{c.Killed?.ToString(CultureInfo.InvariantCulture) ?? ""}</td><td>{c.Injured?.ToString(CultureInfo.InvariantCulture) ?? ""}</td><td>{E(c.Date)}</td><td>{E(c.Place)}</td><td>{E(string.Join(", ", c.Perpetrators))}</td><td>{E(c.Attack)}</td><td>{E(string.Join(", ", c.Sources))}</td></tr>");
        }

        body.Append("</table>");
        return Page(a.Title ?? a.Id, body.ToString());
    }

    private static List<(int Start, int End, string Kind)> SpanList(Text.Document doc)
    {
        var spans = new List<(int, int, string)>();
        void Add(Text.CharRange range, string kind)
        {
            var raw = doc.ToRaw(range);
            spans.Add((raw.Start, raw.End, kind));
        }

        foreach (var m in doc.Numbers) Add(m.Range, "number");
        foreach (var m in doc.Dates) Add(m.Range, "date");
        foreach (var m in doc.Places) Add(m.Range, "place");
        foreach (var m in doc.Actors) Add(m.Range, "actor");
        foreach (var m in doc.Sources) Add(m.Range, "source");
        foreach (var m in doc.Attacks) Add(m.Range, "attack");
        foreach (var m in doc.Victims) Add(m.Range, "victim");
        foreach (var m in doc.Casualties) Add(m.Range, "casualty");
        return spans;
    }

    private static string Figures(Estimate? e) => e is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{e.Low}/{e.Best}/{e.High}");

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
