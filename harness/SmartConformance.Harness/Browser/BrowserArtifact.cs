namespace SmartConformance.Harness.Browser;

/// <summary>A file the browser left as evidence (a screenshot after a step, or where it stopped).</summary>
public sealed record BrowserArtifact(string Title, string FullPath, string Kind = "screenshot");
