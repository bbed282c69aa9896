using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace SmartConformance.ReferenceServer.Fhir;

/// <summary>
/// A batch Bundle POSTed to the protected base: each GET (read) entry is authorized on its own, as if it had been sent
/// alone (scopes-and-launch-context.html#batches-and-transactions), and answered in a batch-response. Transactions and
/// other methods are not supported.
/// </summary>
internal sealed class FhirBatchHandler(FhirStore store, FhirAccessDecider decider, FhirAccessPolicy policy, OperationOutcomes errors)
{
    public async Task<IResult> HandleAsync(HttpRequest request, ClaimsPrincipal user)
    {
        Resource body;
        try
        {
            using var reader = new StreamReader(request.Body);
            body = FhirJson.Deserialize(await reader.ReadToEndAsync(request.HttpContext.RequestAborted));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            return errors.Invalid($"The body is not a FHIR R4 JSON resource: {ex.Message.Split('\n')[0]}");
        }
        if (body is not Bundle { Type: Bundle.BundleType.Batch } batch)
        {
            return errors.Invalid("Only batch Bundles are accepted at the base (transactions are not supported).");
        }

        var response = new Bundle { Type = Bundle.BundleType.BatchResponse };
        response.Entry.AddRange(batch.Entry.Select(entry => Answer(entry, user)));
        return new FhirResult(response);
    }

    private Bundle.EntryComponent Answer(Bundle.EntryComponent entry, ClaimsPrincipal user)
    {
        if (entry.Request is not { Method: Bundle.HTTPVerb.GET, Url: { } url })
        {
            return Error("400 Bad Request", OperationOutcome.IssueType.NotSupported, "Only GET (read) entries are supported in a batch.");
        }
        if (url.Split('?')[0].Trim('/').Split('/') is not [var type, var id])
        {
            return Error("400 Bad Request", OperationOutcome.IssueType.NotSupported, $"\"{url}\" is not a read (Type/id).");
        }
        if (!FhirStore.SupportedTypes.Contains(type) || store.Read(type, id) is not { } resource)
        {
            return Error("404 Not Found", OperationOutcome.IssueType.NotFound, $"{type}/{id} does not exist.");
        }

        var denied = policy.AuthorizeBatchEntries
            ? decider.DenyReason(user, FhirInteraction.Read, type, FhirStore.CompartmentPatientId(resource), resource)
            : null;
        return denied is null
            ? new Bundle.EntryComponent { Resource = resource, Response = new Bundle.ResponseComponent { Status = "200 OK" } }
            : Error("403 Forbidden", OperationOutcome.IssueType.Forbidden, denied);
    }

    private static Bundle.EntryComponent Error(string status, OperationOutcome.IssueType code, string diagnostics) => new()
    {
        Response = new Bundle.ResponseComponent
        {
            Status = status,
            Outcome = new OperationOutcome
            {
                Issue = [new OperationOutcome.IssueComponent { Severity = OperationOutcome.IssueSeverity.Error, Code = code, Diagnostics = diagnostics }],
            },
        },
    };
}
