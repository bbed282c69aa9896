using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using SmartConformance.ReferenceServer.Fhir;
using SmartConformance.ReferenceServer.Hosting;
using SmartConformance.ReferenceServer.Pages;

namespace SmartConformance.ReferenceServer.Ehr;

/// <summary>
/// The simulated EHR: <c>GET /ehr</c> shows what the clinician has open and a "Launch app" button; <c>POST /ehr/launch</c>
/// mints the launch value and sends the browser to <c>{launch_url}?iss={FHIR base}&amp;launch={value}</c>
/// (SMART App Launch 2.2 app-launch.html#launch-app-ehr-launch). <c>GET /ehr/smart-style.json</c> is the smart_style_url.
/// </summary>
internal static class EhrEndpoints
{
    public const string PagePath = "/ehr";
    public const string LaunchPath = "/ehr/launch";
    public const string StylePath = "/ehr/smart-style.json";
    private const string Title = "EHR: launch an app";

    public static void MapEhrEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, (HttpContext http, FhirStore store) =>
            Html.Page(http, Title, EhrLaunchPage.Body(EhrLaunchRequest.From(http.Request.Query), store, error: null)));
        app.MapPost(LaunchPath, LaunchAsync);
        app.MapGet(StylePath, () => Results.Json(SmartStyle.Document, contentType: "application/json"));
    }

    private static async Task<IResult> LaunchAsync(HttpContext http, FhirStore store, EhrLaunchStore launches,
        EhrLaunchPolicy policy, ServerUrls urls, IOpenIddictApplicationManager applications)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var request = EhrLaunchRequest.From(form);
        var error = request.Problem(store)
            ?? (await applications.FindByClientIdAsync(request.ClientId!, http.RequestAborted) is null
                ? $"No app is registered with client_id \"{request.ClientId}\"."
                : null);
        if (error is not null)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Html.Page(http, Title, EhrLaunchPage.Body(request, store, error));
        }

        var launch = launches.Create(request.ToContext());
        var iss = policy.SendServerRootAsIss ? urls.Issuer : urls.FhirBase;
        return Results.Redirect(AppLaunchUrl(request.LaunchUrl!, iss, launch));
    }

    private static string AppLaunchUrl(Uri launchUrl, string iss, string launch) =>
        launchUrl.AbsoluteUri + (string.IsNullOrEmpty(launchUrl.Query) ? "?" : "&") +
        $"{EhrLaunchParameters.Iss}={Uri.EscapeDataString(iss)}&{EhrLaunchParameters.Launch}={Uri.EscapeDataString(launch)}";
}
