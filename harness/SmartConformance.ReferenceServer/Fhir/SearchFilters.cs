using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>The search parameters the server understands: <c>patient</c> (or <c>subject</c>) and <c>category</c>. Others are ignored.</summary>
internal sealed record SearchFilters(string? PatientId, string? Category)
{
    public static SearchFilters From(IQueryCollection query) => new(
        FhirStore.PatientId(Single(query, "patient") ?? Single(query, "subject")),
        Single(query, "category"));

    public bool Matches(Resource resource) =>
        (PatientId is null || FhirStore.CompartmentPatientId(resource) == PatientId) &&
        (Category is null || CategoryToken.Matches(resource, Category));

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
