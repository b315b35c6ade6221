using BenchmarkDotNet.Running;

// Stage benchmarks: dotnet run -c Release --project bench/Tally.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder.</summary>
public partial class Program;
