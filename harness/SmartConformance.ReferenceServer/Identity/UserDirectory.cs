using System.Security.Cryptography;
using System.Text;

namespace SmartConformance.ReferenceServer.Identity;

/// <summary>The seeded users and their password check.</summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<string, UserAccount> _users = new[]
    {
        new UserAccount(SeedData.AmyUsername, SeedData.AmyPassword, "Amy Shaw", SeedData.AmyFhirUser, SeedData.Patient1Id),
        new UserAccount(SeedData.BobUsername, SeedData.BobPassword, "Bob Jones", SeedData.BobFhirUser, SeedData.Patient2Id),
        new UserAccount(SeedData.DrSmithUsername, SeedData.DrSmithPassword, "Dr. John Smith", SeedData.DrSmithFhirUser, PatientId: null),
    }.ToDictionary(u => u.Username, StringComparer.Ordinal);

    public UserAccount? Find(string? username) =>
        username is not null && _users.TryGetValue(username, out var user) ? user : null;

    public UserAccount? Authenticate(string? username, string? password)
    {
        var user = Find(username);
        return user is not null && password is not null && FixedTimeEquals(user.Password, password) ? user : null;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
