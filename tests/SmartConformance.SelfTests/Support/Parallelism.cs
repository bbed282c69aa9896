using NUnit.Framework;
using SmartConformance.SelfTests.Support;

// Only the fault matrix's cases are parallelizable (every other fixture runs one test at a time, as NUnit does by
// default); each holds one MatrixWorkers slot, so these threads only need to outnumber the slots.
[assembly: LevelOfParallelism(MatrixWorkers.Most)]
