namespace SmartConformance.Harness.Profiles;

/// <summary>The rules a JSON schema cannot express: cross-references, absolute URLs, secrets a client type needs.</summary>
internal static class ProfileRules
{
    public static IEnumerable<ProfileProblem> Check(ServerProfile profile)
    {
        if (!profile.TargetsEmbeddedServer)
        {
            foreach (var problem in CheckUrl("$.fhirBaseUrl", profile.FhirBaseUrl)) yield return problem;
            if (profile.Embedded is not null)
                yield return new ProfileProblem("$.embedded", "only used when fhirBaseUrl is \"embedded\"; remove it or target the embedded server", IsWarning: true);
        }
        else if (profile.Embedded?.Https != true && profile.Tls.SkipProtocolChecks is null)
            yield return new ProfileProblem("$.embedded.https", "the embedded server serves plain http without it, so AUTHZ-10 (TLS 1.2 or later) fails; set it to true, or give tls.skipProtocolChecks a reason", IsWarning: true);

        if (!Uri.TryCreate(profile.RedirectUri, UriKind.Absolute, out var redirect) || redirect.Scheme != Uri.UriSchemeHttp || !redirect.IsLoopback)
            yield return new ProfileProblem("$.redirectUri", $"found \"{profile.RedirectUri}\", expected http://127.0.0.1:PORT/PATH or http://localhost:PORT/PATH (the suite listens there for the redirect)");
        else if (redirect.Port == 0 && !profile.TargetsEmbeddedServer)
            yield return new ProfileProblem("$.redirectUri", "port 0 (a random port) only works with the embedded server; use the port registered for your client");

        for (var i = 0; i < profile.Clients.Count; i++)
        {
            var client = profile.Clients[i];
            if (!client.IsPublic && string.IsNullOrEmpty(client.ClientSecret))
                yield return new ProfileProblem($"$.clients[{i}].clientSecret", $"client \"{client.Name}\" authenticates with {client.Authentication}, so it needs a clientSecret");
        }
        foreach (var duplicate in profile.Clients.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            yield return new ProfileProblem("$.clients", $"two clients are named \"{duplicate.Key}\"; names must be unique");
        foreach (var duplicate in profile.Users.GroupBy(u => u.Name).Where(g => g.Count() > 1))
            yield return new ProfileProblem("$.users", $"two users are named \"{duplicate.Key}\"; names must be unique");

        var launches = new List<(string Path, string Client, string User)>
        {
            ("$.launches.standalonePatient", profile.Launches.StandalonePatient.Client, profile.Launches.StandalonePatient.User),
        };
        if (profile.Launches.Ehr is { } ehr) launches.Add(("$.launches.ehr", ehr.Client, ehr.User));
        if (profile.Launches.Confidential is { } confidential) launches.Add(("$.launches.confidential", confidential.Client, confidential.User));
        if (profile.UserScopes is { } userScopes) launches.Add(("$.userScopes", userScopes.Client, userScopes.User));
        if (profile.Sessions?.Client is { } sessionClient && profile.Clients.All(c => c.Name != sessionClient))
            yield return new ProfileProblem("$.sessions.client", $"found \"{sessionClient}\", expected one of the client names: {Names(profile.Clients.Select(c => c.Name))}");
        foreach (var (launchPath, client, user) in launches)
        {
            if (profile.Clients.All(c => c.Name != client))
                yield return new ProfileProblem(launchPath + ".client", $"found \"{client}\", expected one of the client names: {Names(profile.Clients.Select(c => c.Name))}");
            if (profile.Users.All(u => u.Name != user))
                yield return new ProfileProblem(launchPath + ".user", $"found \"{user}\", expected one of the user names: {Names(profile.Users.Select(u => u.Name))}");
        }
        if (profile.Launches.Confidential is { } confidentialLaunch && profile.Clients.FirstOrDefault(c => c.Name == confidentialLaunch.Client) is { IsPublic: true })
            yield return new ProfileProblem("$.launches.confidential.client", $"client \"{confidentialLaunch.Client}\" authenticates with none; this launch needs a confidential client (introspection and revocation authenticate as it)");
        if (profile.Launches.Ehr is { } ehrLaunch && !ehrLaunch.Start.StartsWith('{') && !Uri.TryCreate(ehrLaunch.Start, UriKind.Absolute, out _))
            yield return new ProfileProblem("$.launches.ehr.start", $"found \"{ehrLaunch.Start}\", expected an absolute URL or one starting with {{origin}} or {{fhirBaseUrl}}");

        if (profile.Policies.AccessTokenExpiry.Client is { } expiryClient && profile.Clients.All(c => c.Name != expiryClient))
            yield return new ProfileProblem("$.policies.accessTokenExpiry.client", $"found \"{expiryClient}\", expected one of the client names: {Names(profile.Clients.Select(c => c.Name))}");

        if (profile.Policies.AuthorizationCodeExpiry is { } codeExpiry)
        {
            if (codeExpiry.Client is { } codeClient && profile.Clients.All(c => c.Name != codeClient))
                yield return new ProfileProblem("$.policies.authorizationCodeExpiry.client", $"found \"{codeClient}\", expected one of the client names: {Names(profile.Clients.Select(c => c.Name))}");
            if (codeExpiry.LifetimeSeconds > AuthorizationCodeExpiryPolicy.RecommendedMaximumSeconds)
                yield return new ProfileProblem("$.policies.authorizationCodeExpiry.lifetimeSeconds", $"{codeExpiry.LifetimeSeconds} s is longer than the 10 minutes RFC 6749 §4.1.2 recommends; TOK-05 warns and does not wait it out", IsWarning: true);
        }

        if (profile.SecondFhirBaseUrl is { } second)
        {
            if (second.Equals(ServerProfile.EmbeddedTarget, StringComparison.OrdinalIgnoreCase))
            {
                if (!profile.TargetsEmbeddedServer)
                    yield return new ProfileProblem("$.secondFhirBaseUrl", "\"embedded\" only means something with fhirBaseUrl \"embedded\"; it is ignored (RS-09 skips): give your second FHIR base's absolute URL or remove the field", IsWarning: true);
            }
            else if (!Uri.TryCreate(second, UriKind.Absolute, out var secondUri) || secondUri.Scheme is not ("http" or "https"))
                yield return new ProfileProblem("$.secondFhirBaseUrl", $"found \"{second}\", expected the absolute URL of another protected FHIR base of the same authorization server");
            else if (string.Equals(second.TrimEnd('/'), profile.FhirBaseUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                yield return new ProfileProblem("$.secondFhirBaseUrl", "is fhirBaseUrl itself; name a different FHIR base of the same deployment, or remove the field");
        }

        if (profile.OpenFhirBaseUrl is { } open)
        {
            if (open.Equals(ServerProfile.EmbeddedTarget, StringComparison.OrdinalIgnoreCase))
            {
                if (!profile.TargetsEmbeddedServer)
                    yield return new ProfileProblem("$.openFhirBaseUrl", "\"embedded\" only means something with fhirBaseUrl \"embedded\"; it is ignored (the OPEN-* checks skip): give your open base's absolute URL or remove the field", IsWarning: true);
            }
            else if (!Uri.TryCreate(open, UriKind.Absolute, out var openUri) || openUri.Scheme is not ("http" or "https"))
                yield return new ProfileProblem("$.openFhirBaseUrl", $"found \"{open}\", expected the absolute URL of a FHIR base that needs no authorization");
        }
        if (profile.Introspection?.Bearer is { Source: IntrospectionBearerProfile.BackendSource } && profile.BackendServices is null)
            yield return new ProfileProblem("$.introspection.bearer.source", "\"backend\" asks for the bearer token with the backendServices client, but the profile has no backendServices; add one or remove introspection.bearer");
        if (profile.FhirAccess.Granular is { } granular && !granular.Scope.Split(' ').Any(s => s.Contains('?')))
            yield return new ProfileProblem("$.fhirAccess.granular.scope", "has no granular scope (one with ?category=...); RS-07 needs one, e.g. patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory");


        var stepLists = new List<(IReadOnlyList<BrowserStep> Steps, string Path)>
        {
            (profile.BrowserSteps.Login, "$.browserSteps.login"), (profile.BrowserSteps.Approve, "$.browserSteps.approve"), (profile.BrowserSteps.Deny, "$.browserSteps.deny"),
        };
        if (profile.Launches.Ehr is { } ehrSteps) stepLists.Add((ehrSteps.Steps, "$.launches.ehr.steps"));
        foreach (var (steps, listPath) in stepLists)
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var path = $"{listPath}[{i}]";
                if (step.Action == "waitForUrl" && string.IsNullOrEmpty(step.Url))
                    yield return new ProfileProblem(path + ".url", "waitForUrl needs a url glob such as **/consent**");
                else if (step.Action != "waitForUrl" && string.IsNullOrEmpty(step.Selector))
                    yield return new ProfileProblem(path + ".selector", $"{step.Action} needs a selector (CSS, or text=...)");
                if (step.Action is "fill" or "select" or "press" && step.Value is null)
                    yield return new ProfileProblem(path + ".value", $"{step.Action} needs a value");
            }
    }

    private static IEnumerable<ProfileProblem> CheckUrl(string path, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            yield return new ProfileProblem(path, $"found \"{url}\", expected an absolute https:// URL (or \"embedded\")");
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            yield return new ProfileProblem(path, $"\"{url}\" is plain http on a non-loopback host; SMART requires TLS, so transport checks will fail", IsWarning: true);
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
