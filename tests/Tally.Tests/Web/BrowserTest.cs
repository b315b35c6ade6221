using System.Diagnostics;

namespace Tally.Tests.Web;

/// <summary>A test that needs Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>TALLY_CHROMIUM</c>); skipped with the reason when it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "Chromium is not there: install Debian's chromium (.ci/run does) or set TALLY_CHROMIUM to a Chromium binary";
        }
    }
}

/// <summary>Runs the system Chromium headless: the DOM after rendering, or a screenshot.</summary>
internal static class Chromium
{
    public static string? Path =>
        Environment.GetEnvironmentVariable("TALLY_CHROMIUM") is { Length: > 0 } set ? set
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var profile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tally-chromium-" + Guid.NewGuid().ToString("N"));
        foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={profile}", .. arguments])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 s");
        }

        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile folder Chromium still holds: left in the temporary folder.
        }

        return stdout.Result;
    }
}

/// <summary>The dashboard in a real headless Chromium; screenshots go to artifacts/screenshots.</summary>
public sealed class BrowserTest : IAsyncLifetime
{
    private TestServer? _server;

    private string Base => _server!.Address;

    private static string Screenshots
    {
        get
        {
            var folder = Path.Combine(Paths.RepositoryRoot, "artifacts", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(40);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [ChromiumFact]
    public void Map_RendersInChromium_WithItsBoundariesAndIncidents()
    {
        var dom = Chromium.Run("--dump-dom", Base + "/");
        Assert.Contains("<svg id=\"map\"", dom);
        Assert.True(dom.Split("class=\"boundary\"").Length - 1 == 76, "14 governorates and 62 districts");
        Assert.Contains("class=\"incident\"", dom);
        Assert.Contains("<svg id=\"timeline\"", dom);

        var shot = Path.Combine(Screenshots, "map.png");
        File.Delete(shot);
        Chromium.Run("--window-size=1400,1100", $"--screenshot={shot}", Base + "/");
        Assert.True(new FileInfo(shot).Length > 20_000, "a screenshot of the map");
    }

    [ChromiumFact]
    public void IncidentPage_RendersInChromium_WithItsClaims()
    {
        var index = Chromium.Run("--dump-dom", Base + "/");
        int at = index.IndexOf("href=\"/incidents/", StringComparison.Ordinal);
        Assert.True(at >= 0);
        string link = index[(at + 6)..index.IndexOf('"', at + 6)];
        var dom = Chromium.Run("--dump-dom", Base + link);
        Assert.Contains("id=\"summary\"", dom);
        Assert.Contains("id=\"claims\"", dom);

        var shot = Path.Combine(Screenshots, "incident.png");
        File.Delete(shot);
        Chromium.Run("--window-size=1300,900", $"--screenshot={shot}", Base + link);
        Assert.True(new FileInfo(shot).Length > 10_000, "a screenshot of the incident page");
    }
}

/// <summary>A review driven in a real headless Chromium through Playwright (with the system browser).</summary>
public sealed class BrowserReviewTest : IAsyncLifetime
{
    private TestServer? _server;
    private string _token = "";

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(20, store => _token = store.CreateToken("browser"));

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [ChromiumFact]
    public async Task Review_FilledAndSubmittedInTheBrowser_IsShownOnTheIncidentPage()
    {
        using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 900 } });
        await page.GotoAsync(_server!.Address + "/");
        Assert.True(await page.Locator("#map circle.incident").CountAsync() > 0);
        await page.Locator("a[href^='/incidents/']").First.ClickAsync();
        await page.WaitForURLAsync("**/incidents/**");
        var url = page.Url;

        var form = page.Locator("form.review").First;
        await form.Locator("select[name=decision]").SelectOptionAsync("correct");
        await form.Locator("input[name=killed]").FillAsync("9");
        await form.Locator("input[name=token]").FillAsync(_token);
        // The form posts and is sent back to the same page, so its URL says nothing: wait for the review to show.
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#claims", new() { HasTextString = "correct by browser" }).WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(url, page.Url);
        Assert.Contains("correct by browser", await page.Locator("#claims").InnerTextAsync());
        var shot = Path.Combine(Paths.RepositoryRoot, "artifacts", "screenshots", "review.png");
        Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
    }
}
