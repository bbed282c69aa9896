using NJsonSchema;
using NJsonSchema.Validation;

namespace SmartConformance.Harness.Profiles;

/// <summary>Validates profile JSON against profiles/profile.schema.json (embedded in this assembly).</summary>
public static class ProfileSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(ProfileSchema).Assembly.GetManifestResourceStream("profile.schema.json")
            ?? throw new InvalidOperationException("profile.schema.json is not embedded in the harness assembly");
        return JsonSchema.FromJsonAsync(stream).GetAwaiter().GetResult();
    });

    public static string Text
    {
        get
        {
            using var stream = typeof(ProfileSchema).Assembly.GetManifestResourceStream("profile.schema.json")!;
            return new StreamReader(stream).ReadToEnd();
        }
    }

    public static IEnumerable<ProfileProblem> Validate(string json) =>
        Flatten(Schema.Value.Validate(json)).Select(Describe).Distinct();

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? child.Errors.SelectMany(kv => Flatten(kv.Value)).DefaultIfEmpty(e)
            : [e]);

    private static ProfileProblem Describe(ValidationError error)
    {
        var found = error.Token?.ToString(Newtonsoft.Json.Formatting.None) ?? "nothing";
        if (found.Length > 80) found = found[..77] + "...";
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                return new ProfileProblem(JsonPath.FromSchemaPath(error.Path, null).Replace("." + error.Property, ""),
                    $"the required field \"{error.Property}\" is missing");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                return new ProfileProblem(JsonPath.FromSchemaPath(error.Path, error.Property),
                    $"\"{error.Property}\" is not a field a profile can have here (check the spelling); allowed: {Allowed(error)}");
        }
        var path = JsonPath.FromSchemaPath(error.Path, error.Property);
        var expected = error.Kind switch
        {
            ValidationErrorKind.StringExpected => "a string",
            ValidationErrorKind.BooleanExpected => "true or false",
            ValidationErrorKind.IntegerExpected => "a whole number",
            ValidationErrorKind.NumberExpected => "a number",
            ValidationErrorKind.ArrayExpected => "a list ([...])",
            ValidationErrorKind.ObjectExpected => "an object ({...})",
            ValidationErrorKind.NotInEnumeration => "one of " + string.Join(", ", error.Schema.Enumeration.Select(v => $"\"{v}\"")),
            ValidationErrorKind.TooFewItems => $"at least {error.Schema.MinItems} item(s)",
            ValidationErrorKind.StringTooShort => "a non-empty string",
            ValidationErrorKind.NumberTooSmall => "a larger number",
            ValidationErrorKind.NumberTooBig => "a smaller number",
            _ => error.Kind.ToString(),
        };
        return new ProfileProblem(path, $"found {found}, expected {expected}");
    }

    private static string Allowed(ValidationError error)
    {
        var names = error.Schema.ActualProperties.Keys.ToList();
        return names.Count == 0 ? "(none)" : string.Join(", ", names);
    }
}
