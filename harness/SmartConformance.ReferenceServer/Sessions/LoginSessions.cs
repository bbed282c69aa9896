using System.Collections.Concurrent;

namespace SmartConformance.ReferenceServer.Sessions;

/// <summary>
/// The sign-in sessions that have ended (the user logged out). Each login gets a session id, carried by the login
/// cookie and copied into the grants made during it, so online access can end with the session.
/// </summary>
internal sealed class LoginSessions
{
    public const string ClaimType = "sid";
    private readonly ConcurrentDictionary<string, byte> _ended = new(StringComparer.Ordinal);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public void End(string sessionId) => _ended.TryAdd(sessionId, 0);

    public bool HasEnded(string? sessionId) => sessionId is not null && _ended.ContainsKey(sessionId);
}
