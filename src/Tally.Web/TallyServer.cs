using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tally.Corroboration;
using Tally.Extraction;
using Tally.Formats;
using Tally.Storage;

namespace Tally.Web;

/// <summary>
/// The HTTP API over a record: articles (with an article's text and recognized spans), claims, incidents (also as
/// GeoJSON) and tallies, with the command line's filters and paging; articles submitted for ingest with an API token.
/// </summary>
/// <remarks>
/// <para>JSON everywhere; the OpenAPI description is at <c>/openapi.json</c>. A bad parameter is a 400 with a
/// problem-details body whose <c>errors</c> name the field; an unknown id is a 404; a page larger than
/// <see cref="MaxPageSize"/> or a body larger than <see cref="MaxBodyBytes"/> is refused with the limit in the
/// message. Writing (<c>POST /api/articles</c>) needs <c>Authorization: Bearer TOKEN</c> with a token from <c>tally
/// token create</c>; without one the API is read-only (401).</para>
/// <para>Each request opens the record (SQLite files and PostgreSQL pools make that cheap); writes are serialized.
/// Incidents are clustered once per state of the record and kept until an article is added or changed.</para>
/// </remarks>
public static class TallyServer
{
    /// <summary>The largest page a list returns.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The largest request body accepted.</summary>
    public const long MaxBodyBytes = 10L * 1024 * 1024;

    /// <summary>Where <c>tally serve</c> listens unless told otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Builds the server for the record at <paramref name="db"/> (see <see cref="Store.Open"/>), listening on <paramref name="urls"/>.</summary>
    public static WebApplication Build(string? db, string urls = DefaultUrls, bool quiet = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes + 1);
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        var access = new RecordAccess(db);
        builder.Services.AddSingleton(access);
        var app = builder.Build();
        Map(app);

        // Once the server listens: cluster the incidents, load the extractor's data and compile the pages, so that the
        // first visitor does not wait for them.
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                var incidents = access.Incidents();
                _ = Dashboard.Index(incidents, new ClaimFilter());
                if (incidents.Count > 0)
                {
                    _ = Dashboard.Incident(incidents[0], incidents);
                }

                _ = Extractor.Default.Extract(new Article("warm-up", "Two people were killed in shelling on Idlib on Monday, activists said."));
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                // The first request opens the record itself and says what is wrong.
            }
        }));
        return app;
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/openapi.json", () => Results.Text(OpenApi.Document, "application/json"));
        app.MapGet("/api/articles", (HttpRequest request, RecordAccess record) => Paged(request, out var page, out int size) is { } bad ? bad
            : record.Read(store =>
            {
                var links = store.Duplicates();
                var all = store.Articles();
                return Results.Json(Page(all.Select(a => (JsonNode)ArticleJson(a, links, withText: false)), all.Count, page, size));
            }));
        app.MapGet("/api/articles/{id}", (string id, RecordAccess record) => record.Read(store =>
        {
            if (store.Articles(id) is not [var a])
            {
                return NotFound("article", id);
            }

            var o = ArticleJson(a, store.Duplicates(id), withText: true);
            var extraction = Extractor.Default.Extract(ToArticle(a));
            using var spans = new MemoryStream();
            using (var writer = new SpansWriter(spans))
            {
                writer.Write(extraction.Document);
            }

            var annotated = JsonNode.Parse(spans.ToArray())!.AsObject();
            o["content"] = extraction.Document.Raw;
            o["body_start"] = annotated["body_start"]?.DeepClone();
            o["spans"] = annotated["spans"]?.DeepClone();
            o["claims"] = new JsonArray([.. store.Claims(new ClaimFilter { Article = id }).Select(c => JsonNode.Parse(c.Json))]);
            o["tallies"] = new JsonArray([.. store.Tallies(id).Select(t => (JsonNode)new JsonObject { ["killed"] = t.Killed, ["scope"] = t.Scope })]);
            return Results.Json(o);
        }));
        app.MapGet("/api/claims", (HttpRequest request, RecordAccess record) =>
        {
            var pageError = Paged(request, out var page, out int size);
            var filterError = Filters(request, out var filter);
            if ((pageError ?? filterError) is { } bad)
            {
                return bad;
            }

            return record.Read(store =>
            {
                var claims = store.ReviewedClaims(filter);
                return Results.Json(Page(claims.Select(c =>
                {
                    var o = c.Reviewed;
                    o.Insert(0, "article", c.Row.ArticleId);
                    o.Insert(1, "ordinal", c.Row.Ordinal);
                    return (JsonNode)o;
                }), claims.Count, page, size));
            });
        });
        app.MapGet("/api/tallies", (HttpRequest request, RecordAccess record) => Paged(request, out var page, out int size) is { } bad ? bad
            : record.Read(store =>
            {
                var tallies = store.Tallies(request.Query["article"].FirstOrDefault());
                return Results.Json(Page(tallies.Select(t => (JsonNode)new JsonObject
                {
                    ["article"] = t.ArticleId, ["ordinal"] = t.Ordinal, ["killed"] = t.Killed, ["scope"] = t.Scope,
                }), tallies.Count, page, size));
            }));
        app.MapGet("/api/incidents", (HttpRequest request, RecordAccess record) =>
        {
            var pageError = Paged(request, out var page, out int size);
            var filterError = Filters(request, out var filter);
            if ((pageError ?? filterError) is { } bad)
            {
                return bad;
            }

            var incidents = Filtered(record.Incidents(), filter);
            return Results.Json(Page(incidents.Select(IncidentJson), incidents.Count, page, size));
        });
        app.MapGet("/api/incidents.geojson", (HttpRequest request, RecordAccess record) =>
        {
            if (Filters(request, out var filter) is { } bad)
            {
                return bad;
            }

            using var stream = new MemoryStream();
            IncidentWriter.WriteGeoJson(stream, Filtered(record.Incidents(), filter));
            return Results.Text(Encoding.UTF8.GetString(stream.ToArray()), "application/geo+json");
        });
        app.MapGet("/api/incidents/{id}", (string id, RecordAccess record) =>
            record.Incidents().FirstOrDefault(i => i.Id == id) is { } incident ? Results.Json(IncidentJson(incident)) : NotFound("incident", id));
        app.MapPost("/api/articles", PostArticles);
        app.MapPost("/api/claims/{article}/{ordinal:int}/review", PostReview);

        // The dashboard: server-rendered pages.
        app.MapGet("/", (HttpRequest request, RecordAccess record) =>
        {
            if (Filters(request, out var filter) is { } bad)
            {
                return bad;
            }

            return Results.Content(Dashboard.Index(Filtered(record.Incidents(), filter), filter), "text/html; charset=utf-8");
        });
        app.MapPost("/claims/{article}/{ordinal:int}/review", async (string article, int ordinal, HttpRequest request, RecordAccess record) =>
        {
            // The dashboard's review form: the token is a form field, as a page has no other way to send it.
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            string token = form["token"].FirstOrDefault() ?? "";
            string? who = token.Length == 0 ? null : record.Read(store => store.TokenName(token));
            if (who is null)
            {
                return Results.Problem(statusCode: 401, title: "A token is needed to review", detail: "Enter a token from `tally token create`; without one the dashboard is read-only.");
            }

            string? decision = form["decision"].FirstOrDefault();
            JsonObject? correction = null;
            if (decision == "correct")
            {
                correction = [];
                if (form["killed"].FirstOrDefault() is { Length: > 0 } k)
                {
                    correction["killed"] = long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : k;
                }

                if (form["place"].FirstOrDefault() is { Length: > 0 } p)
                {
                    correction["place"] = p;
                }
            }

            var errors = ReviewErrors(decision, correction);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }

            if (Review(record, article, ordinal, decision!, correction, who) is { } missing)
            {
                return missing;
            }

            string back = form["back"].FirstOrDefault() is { } b && b.StartsWith("/incidents/", StringComparison.Ordinal) ? b : "/";
            return Results.Redirect(back, permanent: false, preserveMethod: false);
        }).DisableAntiforgery();
        app.MapGet("/incidents/{id}", (string id, RecordAccess record) =>
        {
            var all = record.Incidents();
            return all.FirstOrDefault(i => i.Id == id) is { } incident
                ? Results.Content(Dashboard.Incident(incident, all), "text/html; charset=utf-8")
                : NotFound("incident", id);
        });
        app.MapGet("/articles/{id}", (string id, HttpRequest request, RecordAccess record) => record.Read(store =>
        {
            if (store.Articles(id) is not [var a])
            {
                return NotFound("article", id);
            }

            int? claim = int.TryParse(request.Query["claim"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out int c) ? c : null;
            var extraction = Extractor.Default.Extract(ToArticle(a));
            return Results.Content(Dashboard.Article(a, extraction, store.Claims(new ClaimFilter { Article = id }), claim), "text/html; charset=utf-8");
        }));
    }

    /// <summary>The name of the request's bearer token, or a 401 saying why it cannot write.</summary>
    private static IResult? Authorize(HttpRequest request, RecordAccess record, out string who)
    {
        var auth = request.Headers.Authorization.FirstOrDefault();
        string? token = auth is not null && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..].Trim() : null;
        who = (token is null ? null : record.Read(store => store.TokenName(token))) ?? "";
        return who.Length > 0 ? null : Results.Problem(statusCode: 401, title: "A token is needed to write",
            detail: token is null ? "Send Authorization: Bearer TOKEN, with a token from `tally token create`." : "The token is not known to this record.");
    }

    private static async Task<IResult> PostReview(string article, int ordinal, HttpRequest request, RecordAccess record)
    {
        if (Authorize(request, record, out string who) is { } refused)
        {
            return refused;
        }

        JsonObject? body;
        try
        {
            using var reader = new StreamReader(request.Body);
            body = JsonNode.Parse(await reader.ReadToEndAsync().ConfigureAwait(false)) as JsonObject;
        }
        catch (JsonException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not valid JSON: {e.Message}"] });
        }

        string? decision = body?["decision"] is JsonValue d && d.TryGetValue<string>(out var ds) ? ds : null;
        var correction = body?["correction"] as JsonObject;
        var errors = ReviewErrors(decision, correction);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        return Review(record, article, ordinal, decision!, correction, who) is { } missing ? missing
            : Results.Json(new JsonObject { ["article"] = article, ["ordinal"] = ordinal, ["decision"] = decision, ["who"] = who });
    }

    /// <summary>What is wrong with a review, by field.</summary>
    internal static Dictionary<string, string[]> ReviewErrors(string? decision, JsonObject? correction)
    {
        var errors = new Dictionary<string, string[]>();
        if (decision is null || !Reviews.Decisions.Contains(decision))
        {
            errors["decision"] = [$"must be one of {string.Join(", ", Reviews.Decisions)}"];
        }

        if (decision == "correct" && (correction is null || correction.Count == 0))
        {
            errors["correction"] = ["a correction needs at least one field"];
        }

        foreach (var (field, value) in correction ?? [])
        {
            string? problem = field switch
            {
                "killed" or "injured" => value is JsonValue v && v.TryGetValue<long>(out long n) && n >= 0 || value is JsonObject ? null : "a count from 0",
                "date" => value is null || value is JsonValue dv && dv.TryGetValue<string>(out var ds2)
                    && DateOnly.TryParseExact(ds2, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "a day as YYYY-MM-DD",
                "place" or "governorate" or "attack" => value is null || value is JsonValue sv && sv.TryGetValue<string>(out _) ? null : "a string or null",
                "perpetrators" or "sources" => value is JsonArray a && a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _)) ? null : "an array of ids",
                _ => $"not a field a review corrects ({string.Join(", ", Reviews.CorrectableFields)})",
            };
            if (problem is not null)
            {
                errors[$"correction.{field}"] = [problem];
            }
        }

        return errors;
    }

    /// <summary>Stores a review of the claim; a 404 when the record has no such claim.</summary>
    internal static IResult? Review(RecordAccess record, string article, int ordinal, string decision, JsonObject? correction, string who) =>
        record.Write(store =>
        {
            var claims = store.Claims(new ClaimFilter { Article = article });
            if (!claims.Any(c => c.Ordinal == ordinal))
            {
                return NotFound("claim", $"{article}#{ordinal}");
            }

            store.SaveReview(new ReviewRow(article, Reviews.KeyOf(claims, ordinal), decision,
                decision == "correct" ? correction!.ToJsonString() : null, who, DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)));
            return (IResult?)null;
        });

    private static async Task<IResult> PostArticles(HttpRequest request, RecordAccess record)
    {
        if (Authorize(request, record, out string who) is { } refused)
        {
            return refused;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            return TooLarge();
        }

        if (body.Length > MaxBodyBytes)
        {
            return TooLarge();
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"not valid JSON: {e.Message}"] });
        }

        var items = root switch
        {
            JsonArray array => array.ToList(),
            JsonObject single => [single],
            _ => null,
        };
        if (items is null || items.Count == 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["expected an article object or a non-empty array of them"] });
        }

        var errors = new Dictionary<string, string[]>();
        var articles = new List<Article>();
        for (int i = 0; i < items.Count; i++)
        {
            string at = root is JsonArray ? $"[{i}]." : "";
            if (items[i] is not JsonObject o)
            {
                errors[$"[{i}]"] = ["expected an object"];
                continue;
            }

            string? id = o["id"] is JsonValue idValue ? idValue.ToString() : null;
            string? text = o["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                errors[at + "id"] = ["required: a string or a number"];
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                errors[at + "text"] = ["required: a non-empty string"];
            }

            DateOnly? published = null;
            if (Text(o, "published") is { } p)
            {
                if (PublicationDate.TryParse(p, out var date))
                {
                    published = date;
                }
                else
                {
                    errors[at + "published"] = [$"not a date: '{p}'"];
                }
            }

            if (!string.IsNullOrWhiteSpace(id) && !string.IsNullOrWhiteSpace(text))
            {
                articles.Add(new Article(id, text)
                {
                    Title = Text(o, "title"), Published = published, Source = Text(o, "source"), Url = Text(o, "url"),
                    Byline = Text(o, "byline"), Origin = new InputPosition($"api:{who}", null, i + 1),
                });
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var result = record.Write(store => new Ingester(store, Extractor.Default).Run(articles));
        return Results.Json(new JsonObject
        {
            ["read"] = result.Read, ["added"] = result.Added, ["changed"] = result.Replaced, ["unchanged"] = result.Unchanged,
            ["near_duplicate_links"] = result.Duplicates,
        }, statusCode: 201);
    }

    private static IResult TooLarge() =>
        Results.Problem(statusCode: 413, title: "The body is too large", detail: $"The limit is {MaxBodyBytes / (1024 * 1024)} MB; send the articles in several requests.");

    private static IResult NotFound(string what, string id) =>
        Results.Problem(statusCode: 404, title: $"No such {what}", detail: $"The record holds no {what} '{id}'.");

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Reads <c>page</c> and <c>pageSize</c>; a 400 naming the field when one is wrong.</summary>
    private static IResult? Paged(HttpRequest request, out int page, out int size)
    {
        page = 1;
        size = 50;
        var errors = new Dictionary<string, string[]>();
        if (request.Query["page"].FirstOrDefault() is { } p && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors["page"] = [$"must be a whole number from 1, not '{p}'"];
        }

        if (request.Query["pageSize"].FirstOrDefault() is { } s
            && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
        {
            errors["pageSize"] = [$"must be from 1 to {MaxPageSize} (the largest page), not '{s}'"];
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors) : null;
    }

    /// <summary>Reads the claim filters (the command line's); a 400 naming the field when a date is wrong.</summary>
    private static IResult? Filters(HttpRequest request, out ClaimFilter filter)
    {
        string? Q(string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } v ? v : null;
        filter = new ClaimFilter
        {
            From = Q("from"), To = Q("to"), Governorate = Q("governorate"), Place = Q("place"), Perpetrator = Q("perpetrator"),
            Attack = Q("attack"), Source = Q("source"), Article = Q("article"),
        };
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { ("from", filter.From), ("to", filter.To) })
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                errors[name] = [$"must be a day as YYYY-MM-DD, not '{value}'"];
            }
        }

        return errors.Count > 0 ? Results.ValidationProblem(errors) : null;
    }

    private static JsonObject Page(IEnumerable<JsonNode> items, int total, int page, int size) => new()
    {
        ["page"] = page,
        ["pageSize"] = size,
        ["total"] = total,
        ["items"] = new JsonArray([.. items.Skip((page - 1) * size).Take(size)]),
    };

    private static List<Incident> Filtered(IReadOnlyList<Incident> incidents, ClaimFilter f) => new IncidentFilter
    {
        From = f.From is null ? null : DateOnly.ParseExact(f.From, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        To = f.To is null ? null : DateOnly.ParseExact(f.To, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Governorate = f.Governorate, Place = f.Place, Perpetrator = f.Perpetrator, Attack = f.Attack, Source = f.Source, Article = f.Article,
    }.Apply(incidents);

    private static JsonNode IncidentJson(Incident incident)
    {
        using var stream = new MemoryStream();
        IncidentWriter.WriteJson(stream, incident);
        return JsonNode.Parse(stream.ToArray())!;
    }

    private static JsonObject ArticleJson(ArticleRow a, IReadOnlyList<DuplicateRow> links, bool withText)
    {
        var o = new JsonObject
        {
            ["id"] = a.Id, ["title"] = a.Title, ["published"] = a.Published, ["source"] = a.Source, ["url"] = a.Url,
            ["byline"] = a.Byline, ["claims"] = a.ClaimCount,
            ["duplicate_of"] = new JsonArray([.. links.Where(l => l.ArticleId == a.Id).Select(l => (JsonNode)l.Of)]),
            ["duplicated_by"] = new JsonArray([.. links.Where(l => l.Of == a.Id).Select(l => (JsonNode)l.ArticleId)]),
        };
        if (withText)
        {
            o["text"] = a.Text;
        }

        return o;
    }

    private static Article ToArticle(ArticleRow a) => new(a.Id, a.Text)
    {
        Title = a.Title,
        Published = a.Published is { } p && DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        Source = a.Source,
        Url = a.Url,
        Byline = a.Byline,
    };
}

/// <summary>Opens the record for each request, serializes writes, and keeps the incidents of the record's current state.</summary>
internal sealed class RecordAccess(string? location)
{
    private readonly Lock _write = new();
    private readonly Lock _incidentsLock = new();
    private (string Version, IReadOnlyList<Incident> Incidents)? _incidents;
    private long _writes;

    public T Read<T>(Func<Store, T> read)
    {
        using var store = Store.Open(location);
        return read(store);
    }

    public T Write<T>(Func<Store, T> write)
    {
        T result;
        lock (_write)
        {
            using var store = Store.Open(location);
            result = write(store);
            Interlocked.Increment(ref _writes);
        }

        RefreshInBackground();
        return result;
    }

    /// <summary>Clusters the incidents of the record's new state on a pool thread (a failure there is left to the next request to meet).</summary>
    public void RefreshInBackground() => _ = Task.Run(() =>
    {
        try
        {
            Incidents();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The request that needs the incidents will open the record itself and say what is wrong.
        }
    });

    /// <summary>The incidents of the record as it is now (clustered again only when its articles or claims changed).</summary>
    public IReadOnlyList<Incident> Incidents()
    {
        using var store = Store.Open(location);
        var counts = store.Count();
        string version = string.Create(CultureInfo.InvariantCulture, $"{counts.Articles}/{counts.Claims}/{store.NextSeq()}/{store.SupersededCount()}/{store.ReviewStamp()}/{Interlocked.Read(ref _writes)}");
        lock (_incidentsLock)
        {
            if (_incidents is { } cached && cached.Version == version)
            {
                return cached.Incidents;
            }

            var incidents = IncidentClusterer.Cluster(IncidentInputs.Load(store), IncidentInputs.GovernorateEntries());
            _incidents = (version, incidents);
            return incidents;
        }
    }
}
