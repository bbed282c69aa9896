namespace SmartConformance.ReferenceServer.Discovery;

/// <summary>
/// The <c>.well-known/smart-configuration</c> document. Properties are mutable so faults can rewrite it;
/// a null property is left out of the JSON.
/// </summary>
internal sealed class SmartConfiguration
{
    public string? Issuer { get; set; }
    public string? JwksUri { get; set; }
    public string? AuthorizationEndpoint { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? IntrospectionEndpoint { get; set; }
    public string? RevocationEndpoint { get; set; }
    public string? RegistrationEndpoint { get; set; }
    public List<string>? GrantTypesSupported { get; set; }
    public List<string>? CodeChallengeMethodsSupported { get; set; }
    public List<string>? TokenEndpointAuthMethodsSupported { get; set; }
    public List<string>? TokenEndpointAuthSigningAlgValuesSupported { get; set; }
    public List<string>? ScopesSupported { get; set; }
    public List<string>? ResponseTypesSupported { get; set; }
    public List<string>? Capabilities { get; set; }
    public string? UserAccessBrandBundle { get; set; }
    public BrandIdentifier? UserAccessBrandIdentifier { get; set; }
    public List<AssociatedEndpoint>? AssociatedEndpoints { get; set; }
}

/// <summary>One of discovery's <c>associated_endpoints</c>: another FHIR endpoint behind the same authorization server.</summary>
internal sealed class AssociatedEndpoint
{
    public string? Url { get; set; }
    public List<string>? Capabilities { get; set; }
}

/// <summary>A FHIR Identifier as discovery's <c>user_access_brand_identifier</c> carries it.</summary>
internal sealed class BrandIdentifier
{
    public string? System { get; set; }
    public string? Value { get; set; }
}
