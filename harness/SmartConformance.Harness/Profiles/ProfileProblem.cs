namespace SmartConformance.Harness.Profiles;

/// <summary>One thing wrong with a profile, located by its JSON path.</summary>
public sealed record ProfileProblem(string Path, string Message, bool IsWarning = false)
{
    public override string ToString() => $"{(IsWarning ? "warning" : "error")} at {Path}: {Message}";
}

/// <summary>A profile that cannot be used; <see cref="Exception.Message"/> lists every problem with its path.</summary>
public sealed class ProfileException(string file, IReadOnlyList<ProfileProblem> problems)
    : Exception($"The profile {file} cannot be used:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public string File { get; } = file;
    public IReadOnlyList<ProfileProblem> Problems { get; } = problems;
}
