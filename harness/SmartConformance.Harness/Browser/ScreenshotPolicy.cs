namespace SmartConformance.Harness.Browser;

/// <summary>Which screenshots a browser launch keeps (run --screenshots).</summary>
public enum ScreenshotPolicy
{
    /// <summary>Only the page where a launch stopped: the evidence a vendor needs, without the cost of a shot per step.</summary>
    Failures,

    /// <summary>Also a screenshot after every profile step of every launch, for following a launch that passed.</summary>
    Steps,
}
