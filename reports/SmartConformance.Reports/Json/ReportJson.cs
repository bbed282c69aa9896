using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SmartConformance.Reports.Model;

namespace SmartConformance.Reports.Json;

/// <summary>The serializer settings behind the report.json contract.</summary>
internal static class ReportJson
{
    /// <summary>Writing: camelCase, indented, nulls left out, enums as strings, "\n" line ends.</summary>
    public static JsonSerializerOptions WriteOptions { get; } = Create(strict: false);

    /// <summary>Reading: the same shape, and it refuses a document that lacks a required member or puts null where the model has none.</summary>
    public static JsonSerializerOptions ReadOptions { get; } = Create(strict: true);

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // Header names are data, not members: keep them as recorded.
            DictionaryKeyPolicy = null,
            PropertyNameCaseInsensitive = true,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // report.json is a file, never inlined in HTML, so keep non-ASCII text and '<' readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = strict,
            RespectRequiredConstructorParameters = strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputedMembers } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>RunSummary.Total is derived from the five counts; the contract does not carry it.</summary>
    private static void LeaveOutComputedMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(RunSummary))
            return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (typeInfo.Properties[i].Name == "total")
                typeInfo.Properties.RemoveAt(i);
        }
    }
}
