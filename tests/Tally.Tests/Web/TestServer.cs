using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Tally.Storage;
using Tally.Tests.Storage;
using Tally.Web;

namespace Tally.Tests.Web;

/// <summary>The real server on a free loopback port, over a new SQLite record of <see cref="TestCorpus"/> articles.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private TestServer(WebApplication app, string db, string address)
    {
        App = app;
        Db = db;
        Address = address;
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    /// <summary>The record's location.</summary>
    public string Db { get; }

    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>A client whose base address is the server's.</summary>
    public HttpClient Http { get; }

    /// <summary>Ingests <paramref name="articles"/> test articles, lets <paramref name="prepare"/> touch the record, then starts the server.</summary>
    public static async Task<TestServer> StartAsync(int articles, Action<Store>? prepare = null)
    {
        var db = Backends.NewSqlite();
        var corpus = TestCorpus.Write(articles);
        try
        {
            using var store = Store.Open(db);
            TestCorpus.Ingest(store, corpus);
            prepare?.Invoke(store);
        }
        finally
        {
            File.Delete(corpus);
        }

        var app = TallyServer.Build(db, "http://127.0.0.1:0", quiet: true);
        await app.StartAsync();
        return new TestServer(app, db, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
    }
}
