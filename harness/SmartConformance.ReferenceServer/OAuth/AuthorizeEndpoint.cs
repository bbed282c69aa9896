using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SmartConformance.ReferenceServer.Ehr;
using SmartConformance.ReferenceServer.Fhir;
using SmartConformance.ReferenceServer.Identity;
using SmartConformance.ReferenceServer.Pages;
using SmartConformance.ReferenceServer.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>
/// The user-facing half of /authorize, reached once OpenIddict has validated the request (passthrough):
/// login, then the patient picker (providers asking for <c>launch/patient</c>), then consent, then sign-in or denial.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static void MapAuthorizeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods("/" + OpenIddictRegistration.AuthorizationPath, [HttpMethods.Get, HttpMethods.Post], HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext http, UserDirectory users, FhirStore store,
        GrantedPrincipalFactory principals, OAuthPolicy policy)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict authorization request is missing.");
        var parameters = AuthorizeParameters.From(http.Request);
        var silent = request.HasPromptValue(PromptValues.None);

        var login = await http.AuthenticateAsync(LoginCookie.Scheme);
        var user = login.Succeeded ? users.Find(login.Principal.FindFirstValue(Claims.Subject)) : null;
        if (user is null)
        {
            return silent
                ? Deny(Errors.LoginRequired, "The user is not signed in.")
                : Results.Redirect(LoginEndpoints.UrlReturningTo(parameters.ToRelativeUrl(http.Request.Path)));
        }

        var denied = parameters.Consent == "deny";
        if (denied && policy.HonourDenial)
        {
            return Deny(Errors.AccessDenied, "The user denied the authorization request.");
        }

        var patientId = user.PatientId ?? ValidPatient(store, parameters.SelectedPatient);
        if (request.HasScope(SmartClaims.LaunchPatientScope) && patientId is null)
        {
            return silent
                ? Deny(Errors.InteractionRequired, "A patient must be chosen.")
                : Html.Page(http, "Choose a patient", PatientPickerPage.Body(parameters, PatientChoices(store)));
        }

        var scopes = request.GetScopes();
        if (parameters.Consent != "approve" && !denied)
        {
            return silent
                ? Deny(Errors.ConsentRequired, "The user must approve the request.")
                : Html.Page(http, "Authorize access", ConsentPage.Body(parameters, request.ClientId!, user.DisplayName, patientId, scopes,
                    ConsentNarrowing.Choices(store, scopes)));
        }

        if (parameters.DeclinedScopes.Count > 0 && policy.HonourScopeDeselection)
        {
            scopes = [.. scopes.Where(scope => !parameters.DeclinedScopes.Contains(scope))];
        }
        if (parameters.NarrowedScopes.Count > 0 && policy.HonourScopeNarrowing)
        {
            scopes = [.. ConsentNarrowing.Apply(store, scopes, parameters.NarrowedScopes)];
        }
        var encounterId = policy.StandaloneEncounterContext && (scopes.Contains(EhrLaunchParameters.LaunchEncounterScope) || !policy.ContextOnlyWhenRequested)
            ? EncounterOf(store, patientId)
            : null;
        var principal = principals.Create(user, scopes, patientId, encounterId, (string?)request[SmartClaims.AudienceParameter]);
        // The sign-in session, kept in the code and refresh tokens only (no destination), so online access can end with it.
        if (login.Principal?.FindFirst(LoginSessions.ClaimType)?.Value is { } sessionId)
        {
            principal.SetClaim(LoginSessions.ClaimType, sessionId);
        }
        return Results.SignIn(principal, properties: null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string? ValidPatient(FhirStore store, string? patientId) =>
        patientId is not null && store.Read("Patient", patientId) is not null ? patientId : null;

    // A standalone launch has no encounter open in an EHR screen; the selected patient's first encounter stands in for it.
    private static string? EncounterOf(FhirStore store, string? patientId) => patientId is null ? null : store.All("Encounter")
        .FirstOrDefault(encounter => FhirStore.CompartmentPatientId(encounter) == patientId)?.Id;

    private static IEnumerable<(string Id, string Name)> PatientChoices(FhirStore store) =>
        from patient in store.Patients
        let id = patient.Id ?? ""
        let name = patient.Name.FirstOrDefault()
        select (id, name is null ? id : $"{string.Join(' ', name.Given)} {name.Family}");

    // Forbid on the OpenIddict scheme redirects the error to the client with its state.
    private static IResult Deny(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
