using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using NJsonSchema;
using NUnit.Framework;
using SmartConformance.Reports;
using SmartConformance.Reports.Model;

namespace SmartConformance.SelfTests.Reports;

public sealed class JsonReportTests
{
    [Test]
    public void Round_trip_gives_back_an_equivalent_report()
    {
        var report = SampleReports.Create();

        var back = JsonReportReader.Parse(JsonReportWriter.Serialize(report));

        back.Should().BeEquivalentTo(report, o => o.WithStrictOrdering());
        back.Summary.Total.Should().Be(5);
    }

    [Test]
    public void Members_have_the_contract_names()
    {
        using var json = JsonDocument.Parse(JsonReportWriter.Serialize(SampleReports.Create()));
        var root = json.RootElement;

        Names(root).Should().BeEquivalentTo("schemaVersion", "suite", "target", "startedAt", "durationMs", "summary", "checks", "notices", "artifacts");
        Names(root.GetProperty("suite")).Should().BeEquivalentTo("name", "version");
        Names(root.GetProperty("target")).Should().BeEquivalentTo("fhirBaseUrl", "profile", "faults");
        Names(root.GetProperty("summary")).Should().BeEquivalentTo("passed", "failed", "skipped", "errors", "warnings");

        var tok01 = root.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "TOK-01");
        Names(tok01).Should().BeEquivalentTo(
            "id", "title", "group", "spec", "requirements", "inferno", "verdict", "message", "durationMs", "exchanges", "artifacts");
        Names(tok01.GetProperty("spec")).Should().BeEquivalentTo("section", "url");
        Names(tok01.GetProperty("artifacts")[0]).Should().BeEquivalentTo("title", "path", "kind");
        Names(tok01.GetProperty("exchanges")[0]).Should().BeEquivalentTo(
            "name", "source", "method", "url", "status", "requestHeaders", "requestBody", "responseHeaders", "responseBody",
            "responseBodyTruncated", "durationMs", "startedAt");

        var failedExchange = root.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == "TOK-02").GetProperty("exchanges")[0];
        Names(failedExchange).Should().Contain("error").And.NotContain(["status", "name", "requestBody", "responseBody"],
            "null members are left out");
    }

    [Test]
    public void Values_are_written_as_the_contract_says()
    {
        var text = JsonReportWriter.Serialize(SampleReports.Create());
        var root = JsonNode.Parse(text)!;

        text.Should().StartWith("{\n  \"schemaVersion\": 1,", "the file is indented with two spaces and '\\n'");
        root["summary"]!["failed"]!.GetValue<int>().Should().Be(1);
        root["checks"]![2]!["verdict"]!.GetValue<string>().Should().Be("fail");
        root["checks"]![2]!["exchanges"]![1]!["requestHeaders"]!["Authorization"]!.GetValue<string>()
            .Should().StartWith("Bearer ", "header names keep their case");
        root["startedAt"]!.GetValue<string>().Should().Be("2025-03-04T13:40:05.123+00:00");
        text.Should().Contain("<script>alert", "report.json is a file, not HTML: keep bodies readable");
    }

    [Test]
    public void Reader_accepts_a_total_and_members_it_does_not_know()
    {
        var node = JsonNode.Parse(JsonReportWriter.Serialize(SampleReports.Create()))!;
        node["summary"]!["total"] = 5;
        node["addedByALaterVersion"] = "x";

        var back = JsonReportReader.Parse(node.ToJsonString());

        back.Summary.Should().Be(new RunSummary(1, 1, 1, 1, 1));
    }

    [Test]
    public void Reader_refuses_a_document_that_is_not_a_report()
    {
        var node = JsonNode.Parse(JsonReportWriter.Serialize(SampleReports.Create()))!.AsObject();
        node.Remove("checks");

        var missing = () => JsonReportReader.Parse(node.ToJsonString());
        var garbage = () => JsonReportReader.Parse("[1, 2]");

        missing.Should().Throw<InvalidDataException>().WithMessage("*checks*");
        garbage.Should().Throw<InvalidDataException>();
    }

    [Test]
    public async Task Stream_writer_and_reader_agree_with_the_string_ones()
    {
        var report = SampleReports.Create();
        using var stream = new MemoryStream();

        await JsonReportWriter.WriteAsync(report, stream);
        stream.Position = 0;
        var back = await JsonReportReader.ReadAsync(stream);

        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Be(JsonReportWriter.Serialize(report));
        back.Should().BeEquivalentTo(report);
    }

    [Test]
    public async Task Report_validates_against_the_schema()
    {
        var schema = await LoadSchema();

        var errors = schema.Validate(JsonReportWriter.Serialize(SampleReports.Create()));

        errors.Should().BeEmpty();
    }

    [Test]
    public async Task Schema_rejects_an_unknown_verdict_a_missing_member_and_a_renamed_one()
    {
        var schema = await LoadSchema();
        var text = JsonReportWriter.Serialize(SampleReports.Create());

        var badVerdict = JsonNode.Parse(text)!;
        badVerdict["checks"]![0]!["verdict"] = "maybe";
        var missingMessage = JsonNode.Parse(text)!;
        missingMessage["checks"]![0]!.AsObject().Remove("message");
        var renamed = JsonNode.Parse(text)!;
        renamed["target"]!.AsObject().Remove("fhirBaseUrl");
        renamed["target"]!["fhirBase"] = SampleReports.FhirBase;

        schema.Validate(badVerdict.ToJsonString()).Should().NotBeEmpty();
        schema.Validate(missingMessage.ToJsonString()).Should().NotBeEmpty();
        schema.Validate(renamed.ToJsonString()).Should().NotBeEmpty();
    }

    [Test]
    public void Schema_is_draft_2020_12_and_names_every_member_the_writer_writes()
    {
        using var schema = JsonDocument.Parse(ReportSchema.Read());
        schema.RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        var defs = schema.RootElement.GetProperty("$defs");

        using var json = JsonDocument.Parse(JsonReportWriter.Serialize(SampleReports.Create()));
        var root = json.RootElement;
        var check = root.GetProperty("checks")[2];

        Names(schema.RootElement.GetProperty("properties")).Should().Contain(Names(root));
        Names(defs.GetProperty("check").GetProperty("properties")).Should().Contain(Names(check));
        Names(defs.GetProperty("exchange").GetProperty("properties")).Should().Contain(Names(check.GetProperty("exchanges")[0]));
        Names(defs.GetProperty("summary").GetProperty("properties")).Should().Contain(Names(root.GetProperty("summary")));
    }

    /// <summary>
    /// NJsonSchema resolves "#/definitions/..." but does not know draft 2020-12's "$defs", so the test hands it the same
    /// schema with the keyword renamed; every other keyword the schema uses means the same in draft 7.
    /// </summary>
    internal static Task<JsonSchema> LoadSchemaForTests() => LoadSchema();

    private static Task<JsonSchema> LoadSchema() =>
        JsonSchema.FromJsonAsync(ReportSchema.Read()
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal)
            .Replace("https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", StringComparison.Ordinal));

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
