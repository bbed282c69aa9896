using SmartConformance.ReferenceServer.OAuth;

namespace SmartConformance.ReferenceServer.Pages;

/// <summary>Lets a provider choose the launch patient: <c>select#patient</c> and <c>button#choose</c>, posted back to /authorize.</summary>
internal static class PatientPickerPage
{
    public static string Body(AuthorizeParameters request, IEnumerable<(string Id, string Name)> patients)
    {
        var options = string.Concat(patients.Select(p =>
            $"""<option value="{Html.Encode(p.Id)}">{Html.Encode(p.Name)} ({Html.Encode(p.Id)})</option>""" + "\n"));
        return $"""
            <p>The app asked for a patient context. Choose the patient to open.</p>
            <form id="patient-form" method="post" action="/{OpenIddictRegistration.AuthorizationPath}">
            {Html.HiddenFields(request.Request)}
              <label for="patient">Patient</label>
              <select id="patient" name="{AuthorizeParameters.PatientField}">
            {options}  </select>
              <button id="choose" type="submit">Continue</button>
            </form>
            """;
    }
}
