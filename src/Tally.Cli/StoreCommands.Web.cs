using System.CommandLine;
using Tally.Web;

namespace Tally.Cli;

// tally serve, tally token create: the HTTP API and the tokens that may write through it.
internal static partial class StoreCommands
{
    public static Command Serve(TextWriter stderr)
    {
        var db = DbOption();
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => TallyServer.DefaultUrls };
        var command = new Command("serve", "Serve the record over HTTP: the JSON API (OpenAPI at /openapi.json) until Ctrl+C.");
        command.Options.Add(db);
        command.Options.Add(urls);
        command.SetAction(parse =>
        {
            // Open once first, so that a record that cannot be opened is said at once rather than on the first request.
            using (var store = Open(parse.GetValue(db), stderr))
            {
                if (store is null)
                {
                    return ExitCodes.Usage;
                }
            }

            var app = TallyServer.Build(parse.GetValue(db), parse.GetValue(urls)!);
            stderr.WriteLine($"tally: serving {parse.GetValue(db) ?? Environment.GetEnvironmentVariable(Storage.Store.Variable) ?? Storage.Store.DefaultFile} at {parse.GetValue(urls)} (API description at /openapi.json); Ctrl+C stops");
            try
            {
                app.Run();
            }
            catch (IOException e)
            {
                stderr.WriteLine($"tally: cannot listen at {parse.GetValue(urls)}: {e.Message}");
                return ExitCodes.Usage;
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Token(TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var name = new Option<string>("--name") { Description = "Who the token is for (kept with it).", DefaultValueFactory = _ => Environment.UserName };
        var create = new Command("create", "Create an API token that may write to the record (POST /api/articles); it is printed once, and the record keeps only its hash.");
        create.Options.Add(db);
        create.Options.Add(name);
        create.SetAction(parse => WithStore(parse.GetValue(db), stderr, store =>
        {
            stdout.WriteLine(store.CreateToken(parse.GetValue(name)!));
            return ExitCodes.Ok;
        }));
        var command = new Command("token", "API tokens.");
        command.Subcommands.Add(create);
        return command;
    }
}
