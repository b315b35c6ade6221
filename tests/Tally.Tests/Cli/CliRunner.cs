using System.CommandLine;
using System.Text;
using Tally.Cli;

namespace Tally.Tests.Cli;

/// <summary>Runs the tally command in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(string? stdin, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var text = new StringWriter();
        var command = TallyCommand.Create(stdout: text, stderr: stderr, stdoutStream: () => stdout,
            stdin: () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")));
        int code = command.Parse(args).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()) + text, stderr.ToString());
    }
}
