using Microsoft.Net.Http.Headers;
using SmartConformance.ReferenceServer.Faults.Discovery;

namespace SmartConformance.ReferenceServer.Faults.Fhir;

/// <summary>FHIR requests without a valid token get a bare 401, with no WWW-Authenticate challenge.</summary>
internal sealed class NoWwwAuthenticateOn401 : IFault
{
    public FaultDescriptor Descriptor { get; } = new(
        "fhir.no-www-authenticate",
        "401 responses of the FHIR API carry no WWW-Authenticate header",
        "RFC 6750 §3",
        ["RS-01"]);

    public void Apply(FaultContext context) =>
        ResponseRewrite.Add(context.Services,
            http => http.Request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal),
            response =>
            {
                if (response.StatusCode == 401)
                {
                    response.Headers.Remove(HeaderNames.WWWAuthenticate);
                }
            });
}
