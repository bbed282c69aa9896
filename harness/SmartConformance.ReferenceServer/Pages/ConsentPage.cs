using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Pages;

/// <summary>
/// Asks the user to approve the requested scopes: <c>ul#scopes</c> (a "leave out" checkbox per scope),
/// "only this category" checkboxes under scopes the user may narrow to a granular scope, <c>button#approve</c> and <c>button#deny</c>,
/// in a form that posts the authorize request back with <c>consent=approve|deny</c>.
/// </summary>
internal static class ConsentPage
{
    public static string Body(AuthorizeParameters request, string clientId, string userName, string? patientId,
        IEnumerable<string> scopes, IReadOnlyDictionary<string, IReadOnlyList<(string Scope, string Label)>> narrowings)
    {
        // Each scope has a "leave out" box: what the user ticks there is not granted.
        var items = string.Concat(scopes.Select(s =>
            $"""<li data-scope="{Html.Encode(s)}">{Html.Encode(s)} <label><input type="checkbox" form="consent-form" name="{AuthorizeParameters.DeclinedScopeField}" value="{Html.Encode(s)}"> leave out</label>{Narrowing(s, narrowings)}</li>""" + "\n"));
        var patientFields = patientId is null
            ? ""
            : Html.HiddenFields([KeyValuePair.Create(AuthorizeParameters.PatientField, patientId)]);
        var patientLine = patientId is null ? "" : $"""<p id="patient-context">Patient: {Html.Encode(patientId)}</p>""";
        return $"""
            <p>Signed in as <strong id="user">{Html.Encode(userName)}</strong>.</p>
            <p>The application <strong id="client">{Html.Encode(clientId)}</strong> asks for:</p>
            <ul id="scopes">
            {items}</ul>
            {patientLine}
            <form id="consent-form" method="post" action="/{OpenIddictRegistration.AuthorizationPath}">
            {Html.HiddenFields(request.Request)}{patientFields}
              <button id="approve" type="submit" name="{AuthorizeParameters.ConsentField}" value="approve">Allow</button>
              <button id="deny" type="submit" name="{AuthorizeParameters.ConsentField}" value="deny">Deny</button>
            </form>
            """;
    }

    // A granular scope ticked here is granted in place of the resource-level one.
    private static string Narrowing(string scope, IReadOnlyDictionary<string, IReadOnlyList<(string Scope, string Label)>> narrowings) =>
        narrowings.TryGetValue(scope, out var choices)
            ? string.Concat(choices.Select(c =>
                $"""<label><input type="checkbox" form="consent-form" name="{AuthorizeParameters.NarrowedScopeField}" value="{Html.Encode(c.Scope)}"> only {Html.Encode(c.Label)}</label>"""))
            : "";
}
