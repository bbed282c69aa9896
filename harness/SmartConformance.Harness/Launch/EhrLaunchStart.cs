using SmartConformance.Harness.Profiles;

namespace SmartConformance.Harness.Launch;

/// <summary>Fills the placeholders of <see cref="EhrLaunchProfile.Start"/>: the page that starts an EHR launch.</summary>
public static class EhrLaunchStart
{
    public static Uri Resolve(EhrLaunchProfile ehr, Uri fhirBase, Uri launchUrl, ClientProfile client)
    {
        var url = ehr.Start
            .Replace("{origin}", fhirBase.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
            .Replace("{fhirBaseUrl}", fhirBase.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{launchUrl}", Uri.EscapeDataString(launchUrl.AbsoluteUri), StringComparison.Ordinal)
            .Replace("{clientId}", Uri.EscapeDataString(client.ClientId), StringComparison.Ordinal)
            .Replace("{patient}", Uri.EscapeDataString(ehr.Patient ?? ""), StringComparison.Ordinal)
            .Replace("{encounter}", Uri.EscapeDataString(ehr.Encounter ?? ""), StringComparison.Ordinal);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"launches.ehr.start resolves to \"{url}\", which is not an absolute URL.");
    }
}
