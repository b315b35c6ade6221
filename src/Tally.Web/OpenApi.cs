using System.Text.Json.Nodes;

namespace Tally.Web;

/// <summary>The OpenAPI 3.1 description of the API, served at <c>/openapi.json</c>.</summary>
/// <remarks>Written out by hand from the endpoints of <see cref="TallyServer"/>; <c>WebApiTest</c> checks that every
/// path it lists answers.</remarks>
internal static class OpenApi
{
    private static JsonObject Query(string name, string description, string type = "string", string? format = null)
    {
        var schema = new JsonObject { ["type"] = type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema };
    }

    private static JsonObject PathId(string what) => new()
    {
        ["name"] = "id", ["in"] = "path", ["required"] = true, ["description"] = $"The {what}'s id.", ["schema"] = new JsonObject { ["type"] = "string" },
    };

    private static JsonArray Paging() =>
    [
        Query("page", "The page, from 1.", "integer"),
        Query("pageSize", $"Items per page, 1 to {TallyServer.MaxPageSize} (default 50).", "integer"),
    ];

    private static JsonArray Filters() =>
    [
        Query("from", "On or after this day (YYYY-MM-DD).", format: "date"),
        Query("to", "On or before this day (YYYY-MM-DD).", format: "date"),
        Query("governorate", "One of the spec's fourteen governorates."),
        Query("place", "A place, whatever its spelling."),
        Query("perpetrator", "A perpetrator id (syrian_government, russia, isis, ...)."),
        Query("attack", "An attack type (air_strike, shelling, explosion, chemical, clash, attack, other)."),
        Query("source", "A source id (sohr, white_helmets, activists, ...)."),
        Query("article", "Only what comes from this article."),
    ];

    private static JsonObject Get(string summary, JsonArray parameters, string contentType = "application/json", bool notFound = false)
    {
        var responses = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { [contentType] = new JsonObject() } },
            ["400"] = new JsonObject { ["description"] = "A parameter is wrong: a problem-details body names it." },
        };
        if (notFound)
        {
            responses["404"] = new JsonObject { ["description"] = "No such id." };
        }

        return new JsonObject { ["get"] = new JsonObject { ["summary"] = summary, ["parameters"] = parameters, ["responses"] = responses } };
    }

    private static JsonArray Concat(JsonArray a, JsonArray b) => [.. a.Select(x => x!.DeepClone()), .. b.Select(x => x!.DeepClone())];

    public static string Document { get; } = Build().ToJsonString();

    private static JsonObject Build()
    {
        var articles = Get("The articles, in ingest order, with their near-duplicate links.", Paging());
        articles["post"] = new JsonObject
        {
            ["summary"] = "Ingest articles: one object or an array of them, with the JSON Lines fields (id, text, title, published, source, url, byline).",
            ["security"] = new JsonArray(new JsonObject { ["token"] = new JsonArray() }),
            ["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["description"] = $"At most {TallyServer.MaxBodyBytes / (1024 * 1024)} MB.",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject() },
            },
            ["responses"] = new JsonObject
            {
                ["201"] = new JsonObject { ["description"] = "Ingested: how many were new, changed or unchanged." },
                ["400"] = new JsonObject { ["description"] = "An article is wrong: the problem-details errors name the field." },
                ["401"] = new JsonObject { ["description"] = "No token, or one the record does not know." },
                ["413"] = new JsonObject { ["description"] = "The body is larger than the limit." },
            },
        };
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject { ["title"] = "Tally", ["version"] = "1", ["description"] = "Casualty claims, incidents and tallies from conflict news." },
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject { ["token"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "A token from `tally token create`." } },
            },
            ["paths"] = new JsonObject
            {
                ["/api/articles"] = articles,
                ["/api/articles/{id}"] = Get("An article: its content, every recognized span, its claims (with spans) and tallies.", [PathId("article")], notFound: true),
                ["/api/claims"] = Get("The claims, filtered, with the span of every value.", Concat(Filters(), Paging())),
                ["/api/tallies"] = Get("The cumulative figures kept apart from claims.", Concat([Query("article", "Only this article's tallies.")], Paging())),
                ["/api/incidents"] = Get("The incidents: claims grouped across outlets, figures reconciled into low/best/high.", Concat(Filters(), Paging())),
                ["/api/incidents.geojson"] = Get("The incidents as a GeoJSON FeatureCollection.", Filters(), "application/geo+json"),
                ["/api/incidents/{id}"] = Get("One incident with its claims side by side.", [PathId("incident")], notFound: true),
            },
        };
    }
}
