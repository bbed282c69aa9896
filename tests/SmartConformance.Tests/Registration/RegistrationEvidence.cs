using SmartConformance.Harness.Launch;
using SmartConformance.Harness.Profiles;
using SmartConformance.Harness.Registration;
using SmartConformance.Harness.Session;

namespace SmartConformance.Tests.Registration;

/// <summary>The registrations the REG checks share, each made once per run.</summary>
internal static class RegistrationEvidence
{
    private static SuiteSession Session => SuiteSession.Current;

    /// <summary>The registration endpoint from discovery; null when the server advertises none.</summary>
    public static async Task<Uri?> EndpointAsync() => (await Session.DiscoveryAsync()).Configuration?.RegistrationEndpoint;

    /// <summary>A public client registered for the standalone launch's scope and the suite's redirect URI, then launched.</summary>
    public static Task<(RegistrationResponse Registration, LaunchOutcome? Launch)> PublicClientLaunch(Uri endpoint) =>
        Session.Shared("registration-public-launch", session => Detached(async () =>
        {
            var standalone = session.Profile.Launches.StandalonePatient;
            var registration = await ClientRegistration.RegisterAsync(session.Http, endpoint,
                ClientRegistration.Metadata([session.RedirectUri], "none", standalone.Scope, "SmartConformance public test client"), "register-public", CancellationToken.None);
            if (registration is not { Status: 201, ClientId: { } clientId }) return (registration, (LaunchOutcome?)null);

            var client = new ClientProfile { Name = "registered-public", ClientId = clientId, Authentication = "none" };
            var attempt = await AuthorizationCodeFlow.RequestCodeAsync(session, "registered-public-launch", standalone, preflight: true, client: client);
            return (registration, await AuthorizationCodeFlow.ExchangeAsync(session, attempt, client));
        }));

    // Shared evidence belongs to no check: each check that uses it attaches it (see OAuthEvidence).
    private static Task<T> Detached<T>(Func<Task<T>> start) => Session.StartDetached(start);
}
