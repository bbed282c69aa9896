using Hl7.Fhir.Model;
using SmartConformance.ReferenceServer.Fhir;
using SmartConformance.ReferenceServer.Pages;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// The EHR screen: <c>select#patient</c>, <c>select#encounter</c>, <c>select#context</c>, <c>select#need-patient-banner</c>
/// and <c>button#launch-app</c>, preselected from the query, posting to <see cref="EhrEndpoints.LaunchPath"/>.
/// </summary>
internal static class EhrLaunchPage
{
    public static string Body(EhrLaunchRequest request, FhirStore store, string? error) => $"""
        {(error is null ? "" : $"""<p id="error" role="alert">{Html.Encode(error)}</p>""")}
        <p>Signed in to the EHR as a clinician. Choose what is open, then launch the app.</p>
        <form id="ehr-launch-form" method="post" action="{EhrEndpoints.LaunchPath}">
          <label for="launch-url">App launch URL</label>
          <input id="launch-url" name="launch_url" value="{Html.Encode(request.RawLaunchUrl)}" required>
          <label for="client-id">App client_id</label>
          <input id="client-id" name="client_id" value="{Html.Encode(request.ClientId)}" required>
          <label for="patient">Patient</label>
          <select id="patient" name="patient">
        {Options(store.Patients.Select(p => (p.Id ?? "", Label(p))), request.PatientId, allowNone: false)}  </select>
          <label for="encounter">Encounter</label>
          <select id="encounter" name="encounter">
        {Options(store.All("Encounter").Select(e => (e.Id ?? "", e.Id ?? "")), request.EncounterId, allowNone: true)}  </select>
          <label for="context">Other resource in context (fhirContext)</label>
          <select id="context" name="context">
        {Options(ContextChoices(store), request.ContextReference, allowNone: true)}  </select>
          <label for="need-patient-banner">The app must show a patient banner</label>
          <select id="need-patient-banner" name="need_patient_banner">
        {Options([("true", "Yes"), ("false", "No")], request.NeedPatientBanner ? "true" : "false", allowNone: false)}  </select>
          <button id="launch-app" type="submit">Launch app</button>
        </form>
        """;

    private static IEnumerable<(string, string)> ContextChoices(FhirStore store) =>
        from type in new[] { "Observation", "Condition" }
        from resource in store.All(type)
        let reference = $"{type}/{resource.Id}"
        select (reference, reference);

    private static string Label(Patient patient) =>
        patient.Name.FirstOrDefault() is { } name ? $"{string.Join(' ', name.Given)} {name.Family} ({patient.Id})" : patient.Id ?? "";

    private static string Options(IEnumerable<(string Value, string Label)> choices, string? selected, bool allowNone)
    {
        var none = allowNone ? """    <option value="">(none)</option>""" + "\n" : "";
        return none + string.Concat(choices.Select(c =>
            $"""    <option value="{Html.Encode(c.Value)}"{(c.Value == selected ? " selected" : "")}>{Html.Encode(c.Label)}</option>""" + "\n"));
    }
}
