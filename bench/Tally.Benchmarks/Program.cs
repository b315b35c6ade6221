using System.Globalization;
using BenchmarkDotNet.Running;

// Stage benchmarks: dotnet run -c Release --project bench/Tally.Benchmarks -- --filter '*'
// Incident clustering at scale, on one thread: dotnet run -c Release --project bench/Tally.Benchmarks -- incidents 1000000
if (args is ["incidents", ..])
{
    Tally.Benchmarks.IncidentScale.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder.</summary>
public partial class Program;
