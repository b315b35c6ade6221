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

// Loading the built-in gazetteer: the first load in a fresh process (what a command pays at start-up, with the JIT),
// then the fastest of 20 more: ... -- gazetteer
if (args is ["gazetteer"])
{
    long start = System.Diagnostics.Stopwatch.GetTimestamp();
    var first = Tally.Geography.Gazetteer.LoadDefault();
    double firstMs = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    double best = double.MaxValue;
    for (int i = 0; i < 20; i++)
    {
        start = System.Diagnostics.Stopwatch.GetTimestamp();
        _ = Tally.Geography.Gazetteer.LoadDefault();
        best = Math.Min(best, System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gazetteer: {first.Count} entries; first load {firstMs:0} ms, then {best:0} ms (fastest of 20)"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder.</summary>
public partial class Program;
