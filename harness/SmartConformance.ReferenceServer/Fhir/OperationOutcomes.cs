using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>FHIR error responses: an OperationOutcome, or (when a fault turns the policy off) a plain JSON object.</summary>
internal sealed class OperationOutcomes(FhirAccessPolicy policy)
{
    public IResult NotFound(string diagnostics) =>
        Create(OperationOutcome.IssueType.NotFound, diagnostics, StatusCodes.Status404NotFound);

    public IResult Forbidden(string diagnostics) =>
        Create(OperationOutcome.IssueType.Forbidden, diagnostics, StatusCodes.Status403Forbidden);

    public IResult Invalid(string diagnostics) =>
        Create(OperationOutcome.IssueType.Invalid, diagnostics, StatusCodes.Status400BadRequest);

    public IResult Exception(string diagnostics) =>
        Create(OperationOutcome.IssueType.Exception, diagnostics, StatusCodes.Status500InternalServerError);

    private IResult Create(OperationOutcome.IssueType code, string diagnostics, int status) => policy.OperationOutcomeErrors
        ? new FhirResult(new OperationOutcome
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
        }, status)
        : Results.Json(new { error = code.ToString().ToLowerInvariant(), message = diagnostics }, statusCode: status);
}
