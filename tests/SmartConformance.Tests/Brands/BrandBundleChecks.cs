using System.Text.Json;
using Hl7.Fhir.Model;
using NUnit.Framework;
using SmartConformance.Tests.Framework;

namespace SmartConformance.Tests.Brands;

/// <summary>
/// The User Access Brand Bundle that discovery's user_access_brand_bundle names (SMART App Launch 2.2 brands.html).
/// Every check skips when discovery names none; DISC-11 reports that as a warning.
/// </summary>
[CheckGroup("User Access Brands")]
public sealed class BrandBundleChecks : ConformanceFixture
{
    private const string DataAbsentReason = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    [Test]
    [Check("BRAND-01", "The Brand Bundle named by user_access_brand_bundle is readable without a token: a FHIR R4 collection Bundle of Organization and Endpoint resources whose timestamp is its last change",
        "SMART App Launch 2.2 User-access Brands: Brand Bundle profile", Spec.BrandBundleProfile)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@398"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@418")]
    public async System.Threading.Tasks.Task BrandBundle_IsReadableWithTimestamp()
    {
        var fetch = await FetchAsync();
        const string requirement = "a publicly readable FHIR Bundle (type collection) of Organization and Endpoint resources, whose Bundle.timestamp SHALL be populated to convey the last change to its contents";
        if (fetch.Bundle is not { } bundle) { Fail($"GET {fetch.Url} without a token did not return a Brand Bundle: {fetch.Problem}.", fetch.Exchange, requirement); return; }
        var problems = new List<string>();
        if (bundle.Type != Bundle.BundleType.Collection) problems.Add($"Bundle.type is {bundle.Type?.ToString() ?? "missing"}, not collection");
        var others = fetch.Resources.Where(r => r is not (Organization or Endpoint)).Select(r => r.TypeName).Distinct().ToList();
        if (others.Count > 0) problems.Add($"it holds {string.Join(", ", others)} entries besides Organization and Endpoint");
        if (bundle.Timestamp is not { } timestamp)
            problems.Add("Bundle.timestamp is missing");
        else if (fetch.Resources.Where(r => r.Meta?.LastUpdated > timestamp).Select(r => $"{r.TypeName}/{r.Id}").ToList() is { Count: > 0 } later)
            problems.Add($"Bundle.timestamp {timestamp:O} is earlier than the meta.lastUpdated of {string.Join(", ", later)}, so it is not the last change");
        if (problems.Count > 0)
            Fail($"The Brand Bundle at {fetch.Url} is not as the Brand Bundle profile requires: {string.Join("; ", problems)}.", fetch.Exchange, requirement);
    }

    [Test]
    [Check("BRAND-02", "The Brand Bundle has a primary brand (Organization) whose endpoint is an Endpoint with this FHIR server's base URL",
        "SMART App Launch 2.2 User-access Brands: conformance overview", Spec.Brands)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@396"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@417")]
    public async System.Threading.Tasks.Task BrandBundle_ReferencesThisEndpoint()
    {
        var fetch = await RequireBundleAsync();
        const string requirement = "at least a primary brand (Organization) SHALL be published for each FHIR endpoint, referencing an Endpoint whose address is the FHIR base URL";
        var fhirBase = Session.FhirBaseUrl.AbsoluteUri.TrimEnd('/');
        var endpoints = fetch.Bundle!.Entry.Where(e => e.Resource is Endpoint endpoint && endpoint.Address?.TrimEnd('/') == fhirBase).ToList();
        if (endpoints.Count == 0)
        {
            var addresses = fetch.Resources.OfType<Endpoint>().Select(e => e.Address ?? "(none)").ToList();
            Fail($"No Endpoint in the Brand Bundle has address {fhirBase} (the Endpoint addresses are: {(addresses.Count == 0 ? "none" : string.Join(", ", addresses))}).", fetch.Exchange, requirement);
            return;
        }
        var brands = fetch.Resources.OfType<Organization>()
            .Where(o => o.Endpoint.Any(reference => endpoints.Any(e => Refers(reference.Reference, e)))).ToList();
        if (brands.Count == 0)
            Fail($"The Brand Bundle has an Endpoint for {fhirBase} ({endpoints[0].FullUrl}) but no Organization references it in Organization.endpoint.", fetch.Exchange, requirement);
    }

    [Test]
    [Check("BRAND-03", "user_access_brand_identifier is given when the Brand Bundle holds several brands, and matches exactly one Organization.identifier",
        "SMART App Launch 2.2 User-access Brands: metadata in .well-known/smart-configuration", Spec.BrandMetadata)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@409"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@412"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@429"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@432")]
    public async System.Threading.Tasks.Task BrandIdentifier_MatchesExactlyOneBrand()
    {
        var fetch = await RequireBundleAsync();
        var discoveryFetch = await Session.DiscoveryAsync();
        var (config, discovery) = (discoveryFetch.Configuration!, discoveryFetch.Exchange);
        var brands = fetch.Resources.OfType<Organization>().ToList();
        if (!config.Root.TryGetProperty("user_access_brand_identifier", out var identifier))
        {
            if (brands.Count > 1)
                Fail($"The Brand Bundle holds {brands.Count} brands but discovery has no user_access_brand_identifier, so an app cannot tell which brand is this server's.", discovery,
                    "user_access_brand_identifier SHALL be populated when the referenced Brand Bundle includes more than one Brand");
            return;
        }
        var value = Member(identifier, "value");
        if (value is null) { Skip("user_access_brand_identifier has no value; DISC-11 reports it."); return; }
        var system = Member(identifier, "system");
        var matches = brands.Where(o => o.Identifier.Any(i => i.Value == value && (system is null || i.System == system))).ToList();
        if (matches.Count != 1)
            Fail($"user_access_brand_identifier {system ?? "(no system)"}|{value} matches {matches.Count} Organization.identifier entries in the Brand Bundle" +
                 (matches.Count > 1 ? $" ({string.Join(", ", matches.Select(m => m.Name ?? m.Id))})." : "."), fetch.Exchange,
                "the identifier SHALL match exactly one Organization.identifier in the referenced Brand Bundle");
    }

    [Test]
    [Check("BRAND-04", "The Brand Bundle allows cross-origin reads from any origin (CORS)",
        "SMART App Launch 2.2 User-access Brands: managing CORS", Spec.BrandCors)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@400"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@423")]
    public async System.Threading.Tasks.Task BrandBundle_AllowsAnyOrigin()
    {
        var fetch = await FetchAsync();
        var exchange = fetch.Exchange;
        if (exchange?.Status is not (>= 200 and < 300)) { Skip($"The Brand Bundle could not be read ({fetch.Problem}); BRAND-01 reports why."); return; }
        var allowed = exchange.ResponseHeader("Access-Control-Allow-Origin")?.Trim();
        if (allowed is not ("*" or BrandBundleFetch.Origin))
            Fail($"GET {fetch.Url} with Origin: {BrandBundleFetch.Origin} answered with {(allowed is null ? "no Access-Control-Allow-Origin header" : $"Access-Control-Allow-Origin: {allowed}")}.", exchange,
                "Brand Bundle publishers SHALL support CORS for GET requests from any origin (Access-Control-Allow-Origin: * or the request's origin)");
    }

    [Test]
    [Check("BRAND-05", "The Brand Bundle is served with a weak ETag (a warning when not)",
        "SMART App Launch 2.2 User-access Brands: caching Brand Bundles", Spec.BrandCaching)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@401"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@424")]
    public async System.Threading.Tasks.Task BrandBundle_HasWeakETag()
    {
        var fetch = await RequireBundleAsync();
        var etag = fetch.Exchange?.ResponseHeader("ETag")?.Trim();
        if (etag is null || !etag.StartsWith("W/\"", StringComparison.Ordinal))
            Assert.Warn($"The Brand Bundle at {fetch.Url} is served {(etag is null ? "without an ETag" : $"with the strong ETag {etag}")}; publishers SHOULD send a weak ETag (W/\"...\") so apps can revalidate cheaply. See {Spec.BrandCaching}");
    }

    [Test]
    [Check("BRAND-06", "The Brand Bundle uses no data-absent reasons other than asked-declined and asked-unknown",
        "SMART App Launch 2.2 User-access Brands: must-support and data-absent reasons", Spec.BrandDataAbsent)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@404"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@405"),
     Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@437")]
    public async System.Threading.Tasks.Task BrandBundle_UsesOnlyAllowedDataAbsentReasons()
    {
        var fetch = await RequireBundleAsync();
        var wrong = DataAbsentReasons(fetch.Json!.Value).Where(code => code is not ("asked-declined" or "asked-unknown")).Distinct().ToList();
        if (wrong.Count > 0)
            Fail($"The Brand Bundle marks missing values with the data-absent reason{(wrong.Count == 1 ? "" : "s")} {string.Join(", ", wrong.Select(w => $"\"{w ?? "(no code)"}\""))}.", fetch.Exchange,
                "a Brand Bundle MAY use the data-absent reasons asked-declined or asked-unknown and SHALL NOT use any other");
    }

    [Test]
    [Check("BRAND-07", "The Brand Bundle's entries carry meta.lastUpdated (a warning when not)",
        "SMART App Launch 2.2 User-access Brands: Brand Bundle profile", Spec.BrandBundleProfile)]
    [Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@399"), Requirement("hl7.fhir.uv.smart-app-launch_2.2.0@419")]
    public async System.Threading.Tasks.Task BrandEntries_HaveLastUpdated()
    {
        var fetch = await RequireBundleAsync();
        var missing = fetch.Resources.Where(r => r.Meta?.LastUpdated is null).Select(r => $"{r.TypeName}/{r.Id}").ToList();
        if (missing.Count > 0)
        {
            Uses(fetch.Exchange);
            Assert.Warn($"{missing.Count} Brand Bundle entr{(missing.Count == 1 ? "y has" : "ies have")} no meta.lastUpdated ({string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")}); " +
                        $"when the publisher tracks changes per resource it SHALL populate it, and it SHOULD in any case. See {Spec.BrandBundleProfile}");
        }
    }

    // The shared fetch, or a skip when discovery names no Brand Bundle (or names it unusably: DISC-03 reports that).
    private static async System.Threading.Tasks.Task<BrandBundleFetch> FetchAsync()
    {
        var discovery = await Session.DiscoveryAsync();
        Uses(discovery.Exchange);
        if (discovery.Configuration is not { } config) { Skip($"The discovery document could not be read ({discovery.Problem}); DISC-01 reports why."); return null!; }
        if (!config.Has("user_access_brand_bundle")) { Skip("Discovery has no user_access_brand_bundle, so there is no Brand Bundle to check; DISC-11 reports its absence."); return null!; }
        if (config.Url("user_access_brand_bundle") is not { } url || url.Scheme is not ("http" or "https"))
        {
            Skip($"user_access_brand_bundle is not an absolute http(s) URL; DISC-03 reports it."); return null!;
        }
        var fetch = await BrandBundleFetch.SharedAsync(Session, url);
        Uses(fetch.Exchange);
        return fetch;
    }

    private static async System.Threading.Tasks.Task<BrandBundleFetch> RequireBundleAsync()
    {
        var fetch = await FetchAsync();
        if (fetch.Bundle is null) Skip($"The Brand Bundle could not be read ({fetch.Problem}); BRAND-01 reports why.");
        return fetch;
    }

    // Organization.endpoint may name the entry by its fullUrl or as a relative Endpoint/{id} reference.
    private static bool Refers(string? reference, Bundle.EntryComponent entry) =>
        reference is not null && (reference == entry.FullUrl || reference == $"Endpoint/{entry.Resource?.Id}"
                                  || (entry.FullUrl?.EndsWith("/" + reference, StringComparison.Ordinal) ?? false));

    private static string? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(member.GetString()) ? member.GetString() : null;

    // Every data-absent-reason extension anywhere in the JSON (on elements and on primitives' "_field" siblings).
    private static IEnumerable<string?> DataAbsentReasons(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String && url.GetString() == DataAbsentReason)
                    yield return element.TryGetProperty("valueCode", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
                foreach (var property in element.EnumerateObject())
                    foreach (var found in DataAbsentReasons(property.Value)) yield return found;
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var found in DataAbsentReasons(item)) yield return found;
                break;
        }
    }
}
