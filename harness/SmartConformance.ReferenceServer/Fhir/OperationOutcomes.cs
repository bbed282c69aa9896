using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>FHIR error responses.</summary>
internal static class OperationOutcomes
{
    public static FhirResult NotFound(string diagnostics) =>
        new(Create(OperationOutcome.IssueType.NotFound, diagnostics), StatusCodes.Status404NotFound);

    public static FhirResult Forbidden(string diagnostics) =>
        new(Create(OperationOutcome.IssueType.Forbidden, diagnostics), StatusCodes.Status403Forbidden);

    private static OperationOutcome Create(OperationOutcome.IssueType code, string diagnostics) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = code,
                Diagnostics = diagnostics,
            },
        ],
    };
}
