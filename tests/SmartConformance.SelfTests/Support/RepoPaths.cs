namespace SmartConformance.SelfTests.Support;

/// <summary>Paths inside the repository, found from the test binaries' folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Profile(string name) => Path.Combine(Root, "profiles", name);

    public static string NewTempDirectory(string label)
    {
        var dir = Path.Combine(Path.GetTempPath(), "smart-conformance-selftests", $"{label}-{Guid.NewGuid():N}"[..Math.Min(60, label.Length + 33)]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SmartConformance.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (SmartConformance.sln) above " + AppContext.BaseDirectory);
    }
}
