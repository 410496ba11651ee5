using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(InfoTheory.Benchmarks.EntropyDoubleBenchmarks).Assembly).Run(args);
