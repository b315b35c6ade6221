using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tally.Storage;
using Tally.Web;

namespace Tally.Tests.Web;

/// <summary>The API against the real server on a loopback port, over a SQLite record of our own test articles.</summary>
public sealed class WebApiTest : IAsyncLifetime
{
    private TestServer? _server;
    private string _token = "";

    private HttpClient Http => _server!.Http;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(12, store => _token = store.CreateToken("tests"));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Lists_ArePagedAndFiltered()
    {
        var (status, page) = await Get("/api/articles?pageSize=5&page=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(12, page.GetProperty("total").GetInt32());
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.Equal("a0005", page.GetProperty("items")[0].GetProperty("id").GetString());

        var (_, claims) = await Get("/api/claims?place=Saraqib&pageSize=500");
        Assert.True(claims.GetProperty("total").GetInt32() > 0);
        Assert.All(claims.GetProperty("items").EnumerateArray(), c => Assert.Equal("Saraqeb", c.GetProperty("place").GetString()));
        Assert.All(claims.GetProperty("items").EnumerateArray(), c => Assert.True(c.TryGetProperty("spans", out _)));

        var (_, incidents) = await Get("/api/incidents");
        Assert.True(incidents.GetProperty("total").GetInt32() > 0);
        string id = incidents.GetProperty("items")[0].GetProperty("id").GetString()!;
        var (one, incident) = await Get($"/api/incidents/{id}");
        Assert.Equal(HttpStatusCode.OK, one);
        Assert.Equal(id, incident.GetProperty("id").GetString());

        var (_, geo) = await Get("/api/incidents.geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Article_HasItsTextSpansAndClaims()
    {
        var (status, article) = await Get("/api/articles/a0001");
        Assert.Equal(HttpStatusCode.OK, status);
        string content = article.GetProperty("content").GetString()!;
        var spans = article.GetProperty("spans").EnumerateArray().ToList();
        Assert.Contains(spans, s => s.GetProperty("kind").GetString() == "number");
        foreach (var s in spans)
        {
            int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
            Assert.Equal(s.GetProperty("text").GetString(), content[start..end]);
        }

        Assert.True(article.GetProperty("claims").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Errors_NameTheFieldAndTheLimit()
    {
        var (badPage, problem) = await Get("/api/claims?pageSize=100000");
        Assert.Equal(HttpStatusCode.BadRequest, badPage);
        Assert.Contains("500", problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());

        var (badDate, dateProblem) = await Get("/api/incidents?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, badDate);
        Assert.True(dateProblem.GetProperty("errors").TryGetProperty("from", out _));

        var (missing, _) = await Get("/api/articles/no-such-article");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        var (missingIncident, _) = await Get("/api/incidents/i000000000000");
        Assert.Equal(HttpStatusCode.NotFound, missingIncident);
    }

    // As a careful client does: the server can refuse a body it will not take before the body is sent.
    private Task<(HttpStatusCode Status, string Body)> Post(string json, string? token) => PostJson("/api/articles", json, token, expectContinue: true);

    [Fact]
    public async Task Writing_NeedsAToken_AndValidatesEachArticle()
    {
        const string article = """{"id": "api-1", "title": "Shelling", "text": "Shelling killed three civilians in Ariha on Friday, activists said.", "published": "2019-08-31"}""";
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(article, null)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(article, "tly_not-a-token")).Status);
        var (_, before) = await Get("/api/articles");
        Assert.Equal(12, before.GetProperty("total").GetInt32());

        var (invalid, problem) = await Post("""[{"id": "api-2", "text": ""}, {"text": "no id", "published": "someday"}]""", _token);
        Assert.Equal(HttpStatusCode.BadRequest, invalid);
        var errors = JsonDocument.Parse(problem).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[0].text", out _));
        Assert.True(errors.TryGetProperty("[1].id", out _));
        Assert.True(errors.TryGetProperty("[1].published", out _));

        var (created, result) = await Post(article, _token);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(1, JsonDocument.Parse(result).RootElement.GetProperty("added").GetInt32());
        var (again, repeat) = await Post(article, _token);
        Assert.Equal(1, JsonDocument.Parse(repeat).RootElement.GetProperty("unchanged").GetInt32());
        var (_, claims) = await Get("/api/claims?article=api-1");
        Assert.Equal(3, claims.GetProperty("items")[0].GetProperty("killed").GetProperty("total").GetInt32());

        var huge = "{\"id\": \"big\", \"text\": \"" + new string('a', (int)TallyServer.MaxBodyBytes) + "\"}";
        var (tooLarge, body) = await Post(huge, _token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.Contains("10 MB", body);
        Assert.Equal(HttpStatusCode.Created, again);
    }

    private async Task<(HttpStatusCode Status, string Body)> PostJson(string path, string json, string? token, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = expectContinue ? true : null;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Review_CorrectsOrRejects_AsAHumanDecision_ThatOutlivesReextraction()
    {
        const string text = "Regime shelling killed four civilians in Ariha on Friday, activists said.";
        Assert.Equal(HttpStatusCode.Created, (await Post($$"""{"id": "r1", "text": "{{text}}", "published": "2019-08-31"}""", _token)).Status);
        const string review = "/api/claims/r1/0/review";

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJson(review, """{"decision": "reject"}""", null)).Status);
        var (bad, problem) = await PostJson(review, """{"decision": "maybe", "correction": {"killed": -2, "colour": "red"}}""", _token);
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        var errors = JsonDocument.Parse(problem).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("decision", out _));
        Assert.True(errors.TryGetProperty("correction.killed", out _));
        Assert.True(errors.TryGetProperty("correction.colour", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await PostJson("/api/claims/r1/7/review", """{"decision": "confirm"}""", _token)).Status);

        // A correction: the export and the incidents use it; the machine's figure is kept beside it.
        Assert.Equal(HttpStatusCode.OK, (await PostJson(review, """{"decision": "correct", "correction": {"killed": 5}}""", _token)).Status);
        async Task<JsonElement> Claim()
        {
            var (_, claims) = await Get("/api/claims?article=r1");
            return claims.GetProperty("items")[0];
        }

        var corrected = await Claim();
        Assert.Equal(5, corrected.GetProperty("killed").GetProperty("total").GetInt32());
        Assert.Equal(4, corrected.GetProperty("review").GetProperty("machine").GetProperty("killed").GetProperty("total").GetInt32());
        Assert.Equal("tests", corrected.GetProperty("review").GetProperty("who").GetString());
        var (_, incidents) = await Get("/api/incidents?article=r1");
        Assert.Equal(5, incidents.GetProperty("items")[0].GetProperty("figures").GetProperty("killed").GetProperty("best").GetInt32());

        // The article changes and is extracted again: the words of the claim are the same, so is the decision.
        Assert.Equal(HttpStatusCode.Created, (await Post($$"""{"id": "r1", "text": "{{text}} Residents left the town.", "published": "2019-08-31"}""", _token)).Status);
        Assert.Equal(5, (await Claim()).GetProperty("killed").GetProperty("total").GetInt32());

        // A rejection: out of the incidents and of the spec's export, marked in the API's list.
        Assert.Equal(HttpStatusCode.OK, (await PostJson(review, """{"decision": "reject"}""", _token)).Status);
        Assert.Equal("reject", (await Claim()).GetProperty("review").GetProperty("decision").GetString());
        var (_, none) = await Get("/api/incidents?article=r1");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var export = Tally.Tests.Cli.CliRunner.Run(null, "claims", "--db", _server!.Db, "--article", "r1", "--format", "claims");
        Assert.Empty(export.Lines);
    }

    [Fact]
    public async Task ReviewForm_OnTheIncidentPage_SavesAndComesBack()
    {
        var (_, list) = await Get("/api/incidents");
        var incident = list.GetProperty("items")[0];
        string id = incident.GetProperty("id").GetString()!;
        var claim = incident.GetProperty("claims")[0];
        string action = $"/claims/{claim.GetProperty("article").GetString()}/{claim.GetProperty("ordinal").GetInt32()}/review";
        using var page = await Http.GetAsync(new Uri($"/incidents/{id}", UriKind.Relative));
        Assert.Contains($"action=\"{action}\"", await page.Content.ReadAsStringAsync());

        using var noToken = await Http.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "confirm", ["token"] = "" }));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = Http.BaseAddress };
        using var saved = await client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["decision"] = "confirm", ["token"] = _token, ["back"] = $"/incidents/{id}",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/incidents/{id}", saved.Headers.Location?.OriginalString);
        using var after = await Http.GetAsync(new Uri($"/incidents/{id}", UriKind.Relative));
        Assert.Contains("confirm by tests", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesPathsThatAnswer()
    {
        var (status, document) = await Get("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var concrete = path.Name.Replace("{id}", "a0001", StringComparison.Ordinal);
            if (path.Name == "/api/incidents/{id}")
            {
                var (_, list) = await Get("/api/incidents");
                concrete = "/api/incidents/" + list.GetProperty("items")[0].GetProperty("id").GetString();
            }

            using var response = await Http.GetAsync(new Uri(concrete, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{concrete}: {response.StatusCode}");
        }
    }
}

/// <summary>The dashboard's pages from the real server: they render, follow the filters, and link to each other.</summary>
public sealed class DashboardTest : IAsyncLifetime
{
    private TestServer? _server;

    private HttpClient Http => _server!.Http;

    private string Db => _server!.Db;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(30);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task<string> Html(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    private static int Count(string html, string needle)
    {
        int n = 0;
        for (int at = html.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = html.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    [Fact]
    public async Task Index_DrawsTheBoundariesTheIncidentsAndTheTimeline_AndFollowsTheFilters()
    {
        var html = await Html("/");
        Assert.Equal(14 + 62, Count(html, "class=\"boundary\""));
        int all = Count(html, "class=\"incident\"");
        Assert.True(all > 0);
        Assert.True(Count(html, "class=\"bar\"") > 0);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html.Replace("https://tools.ietf.org", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var russian = await Html("/?perpetrator=russia");
        int some = Count(russian, "class=\"incident\"");
        Assert.InRange(some, 1, all - 1);
        Assert.Equal(0, Count(await Html("/?from=2030-01-01"), "class=\"incident\""));
    }

    [Fact]
    public async Task IncidentPage_ShowsClaimsSideBySide_AndLinksToTheEvidenceInItsArticle()
    {
        var index = await Html("/");
        int at = index.IndexOf("href=\"/incidents/", StringComparison.Ordinal);
        Assert.True(at >= 0);
        string link = index[(at + 6)..index.IndexOf('"', at + 6)];
        var incident = await Html(link);
        Assert.Contains("id=\"summary\"", incident);
        Assert.Contains("id=\"figures\"", incident);
        int claim = incident.IndexOf("href=\"/articles/", StringComparison.Ordinal);
        Assert.True(claim >= 0);
        string articleLink = WebUtility.HtmlDecode(incident[(claim + 6)..incident.IndexOf('"', claim + 6)]);
        var article = await Html(articleLink);
        Assert.Contains("class=\"k-number", article);
        Assert.Contains("highlight", article);
    }

    [Fact]
    public async Task Pages_EncodeTheRecordsText_AndUnknownIdsAre404()
    {
        using var store = Store.Open(Db);
        var ingester = new Ingester(store, Tally.Extraction.Extractor.Default);
        ingester.Run([new Article("x<script>", "Three <b>civilians</b> were killed in Ariha on Monday, activists said.") { Title = "<script>alert(1)</script>" }]);
        var page = await Html("/articles/" + Uri.EscapeDataString("x<script>"));
        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        using var missing = await Http.GetAsync(new Uri("/incidents/nope", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
