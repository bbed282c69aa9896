namespace SmartConformance.Cli.Commands;

/// <summary>Finds files that ship with the suite, from a clone or from an installed tool.</summary>
public static class DefaultPaths
{
    public static string ReferenceProfile() => Find(Path.Combine("profiles", "reference.json"));

    public static string Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        return relative;
    }
}
