namespace SmartConformance.Cli.Running.Progress;

/// <summary>What the console shows while checks run.</summary>
public interface ICheckProgress
{
    void Started(string id, string title, string group);
    void Finished(CheckOutcome outcome);
    /// <summary>The run is over: stop any live display. Called at least once; later calls do nothing.</summary>
    void Completed();
}
