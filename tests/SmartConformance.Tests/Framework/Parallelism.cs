using NUnit.Framework;

// Fixtures run side by side (the checks inside one fixture still run in order): launches and long waits overlap. The
// number of workers is set by whoever runs the assembly (the smart-conformance command bounds it by the profile's
// load.maxConcurrentRequests). Everything fixtures share goes through the thread-safe SuiteSession.
[assembly: Parallelizable(ParallelScope.Fixtures)]
