using System.Web;

namespace SmartConformance.Harness.Redirect;

/// <summary>What the EHR sent to the app's launch URL (SMART App Launch 2.2 app-launch.html#launch-app-ehr-launch).</summary>
public sealed record LaunchCapture(Uri Url, DateTimeOffset ArrivedAt)
{
    private readonly System.Collections.Specialized.NameValueCollection _query = HttpUtility.ParseQueryString(Url.Query);

    public string? Iss => _query["iss"];
    public string? Launch => _query["launch"];
}
