namespace SmartConformance.Tests.Framework;

/// <summary>The suite could not decide (a browser step that did not match, a timeout): the verdict is "error", not "fail".</summary>
public sealed class HarnessException(string message) : Exception(message);
