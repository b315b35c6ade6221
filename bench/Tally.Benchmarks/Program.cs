using System.Globalization;
using BenchmarkDotNet.Running;

// Stage benchmarks: dotnet run -c Release --project bench/Tally.Benchmarks -- --filter '*'
// Incident clustering at scale, on one thread: dotnet run -c Release --project bench/Tally.Benchmarks -- incidents 1000000
if (args is ["incidents", ..])
{
    Tally.Benchmarks.IncidentScale.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

// A synthetic corpus from our own sentence templates, as JSON Lines: ... -- corpus 200000 /tmp/synthetic.jsonl
if (args is ["corpus", var countText, var path])
{
    Tally.Benchmarks.BenchmarkCorpus.WriteJsonLines(int.Parse(countText, CultureInfo.InvariantCulture), path);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder.</summary>
public partial class Program;
