using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.OAuth;

/// <summary>
/// The authorize request's raw parameters (query for GET, form for POST), minus the page controls, so the picker
/// and consent pages can post the same request back as hidden fields.
/// </summary>
internal sealed class AuthorizeParameters
{
    public const string ConsentField = "consent";
    public const string PatientField = "launch_patient";
    /// <summary>One per scope the user chose to leave out on the consent page.</summary>
    public const string DeclinedScopeField = "scope_declined";
    /// <summary>One per granular scope the user chose in place of the resource-level scope it narrows.</summary>
    public const string NarrowedScopeField = "scope_narrowed";

    private AuthorizeParameters(IReadOnlyList<KeyValuePair<string, string>> request, string? consent, string? patient,
        IReadOnlySet<string> declinedScopes, IReadOnlySet<string> narrowedScopes) =>
        (Request, Consent, SelectedPatient, DeclinedScopes, NarrowedScopes) = (request, consent, patient, declinedScopes, narrowedScopes);

    public IReadOnlyList<KeyValuePair<string, string>> Request { get; }

    /// <summary>"approve" or "deny" once the consent form was submitted.</summary>
    public string? Consent { get; }

    /// <summary>The patient a provider picked, once the picker form was submitted.</summary>
    public string? SelectedPatient { get; }

    /// <summary>The scopes the user chose to leave out on the consent page.</summary>
    public IReadOnlySet<string> DeclinedScopes { get; }

    /// <summary>The granular scopes the user chose on the consent page instead of the broader ones asked.</summary>
    public IReadOnlySet<string> NarrowedScopes { get; }

    public static AuthorizeParameters From(HttpRequest request)
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> source =
            request.HasFormContentType ? request.Form : request.Query;
        var pairs = source
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? "")))
            .ToList();
        return new AuthorizeParameters(
            pairs.Where(p => p.Key is not (ConsentField or PatientField or DeclinedScopeField or NarrowedScopeField)).ToList(),
            pairs.FirstOrDefault(p => p.Key == ConsentField).Value,
            pairs.FirstOrDefault(p => p.Key == PatientField).Value,
            pairs.Where(p => p.Key == DeclinedScopeField).Select(p => p.Value).ToHashSet(StringComparer.Ordinal),
            pairs.Where(p => p.Key == NarrowedScopeField).Select(p => p.Value).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The same request as a GET URL, to come back to after login.</summary>
    public string ToRelativeUrl(PathString path) =>
        path + QueryString.Create(Request.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
}
