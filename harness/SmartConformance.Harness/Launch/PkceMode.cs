namespace SmartConformance.Harness.Launch;

/// <summary>How an authorization request uses PKCE: the SMART way (S256), the forbidden plain method, or not at all.</summary>
public enum PkceMode
{
    S256,
    Plain,
    None,
}
