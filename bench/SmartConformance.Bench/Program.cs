using SmartConformance.Bench;

// Measures whole runs of the suite against the embedded reference server, as a user runs them (a fresh process each),
// and writes reports/bench.json. Speed targets are checked here, never in a timed unit test.
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
return await Benchmark.RunAsync(options);
