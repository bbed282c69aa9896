using SmartConformance.Harness.Profiles;

namespace SmartConformance.Harness.Browser;

/// <summary>Fills {user.username}, {user.password} and {user.patient} into a browser step's value.</summary>
public static class StepValues
{
    public static string Resolve(string template, UserProfile user) => template
        .Replace("{user.username}", user.Username, StringComparison.Ordinal)
        .Replace("{user.password}", user.Password, StringComparison.Ordinal)
        .Replace("{user.patient}", user.Patient ?? "", StringComparison.Ordinal);
}
