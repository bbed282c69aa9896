using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;

namespace SmartConformance.Harness.Evidence;

/// <summary>
/// Removes credentials from anything written out: the profile's secrets and every token, code, verifier,
/// secret or assertion the run saw on the wire, in raw and URL-encoded form. A redacted value keeps its kind
/// and last four characters so a reader can still correlate; a JWT keeps its header and claims, never its signature.
/// </summary>
public sealed partial class Redactor
{
    private static readonly string[] SecretFields =
        ["access_token", "refresh_token", "id_token", "code", "code_verifier", "client_secret", "client_assertion", "password", "token", "assertion", "subject_token", "actor_token"];

    private readonly Dictionary<string, string> _replacements = new(StringComparer.Ordinal);

    /// <summary>Knows no secret yet, but still hides Authorization and cookie headers.</summary>
    public static Redactor None { get; } = new();

    /// <summary>Hides nothing: for --no-redact, when a developer debugs against a local server.</summary>
    public static Redactor Disabled { get; } = new() { IsDisabled = true };

    public bool IsDisabled { get; private init; }

    public static Redactor For(IEnumerable<string> profileSecrets, IEnumerable<HttpExchange> exchanges)
    {
        var redactor = new Redactor();
        foreach (var secret in profileSecrets) redactor.Add(secret, "secret");
        foreach (var exchange in exchanges) redactor.Harvest(exchange);
        return redactor;
    }

    /// <summary>Every value this redactor hides (for tests that scan outputs for leaks).</summary>
    public IReadOnlyCollection<string> Secrets => _replacements.Keys;

    public void Add(string? value, string kind)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4 || _replacements.ContainsKey(value)) return;
        // An unsigned JWT (alg none, as the negative client-assertion cases send) hides nothing: its header and claims
        // are shown for every JWT anyway, and it has no signature to mask.
        if (Jwt().Match(value) is { Success: true } jwt && jwt.Groups[3].Length == 0) return;
        _replacements[value] = Mask(value, kind);
        var encoded = Uri.EscapeDataString(value);
        if (encoded != value) _replacements.TryAdd(encoded, Mask(value, kind));
        var formEncoded = HttpUtility.UrlEncode(value);
        if (formEncoded != value) _replacements.TryAdd(formEncoded, Mask(value, kind));
        // A secret can travel base64-encoded (a Basic credential, a state blob); hide that form too.
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value));
        _replacements.TryAdd(base64, $"«redacted base64 {kind}»");
        _replacements.TryAdd(base64.TrimEnd('='), $"«redacted base64 {kind}»");
        _replacements.TryAdd(base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'), $"«redacted base64 {kind}»");
    }

    public string? Apply(string? text)
    {
        if (IsDisabled || string.IsNullOrEmpty(text) || _replacements.Count == 0) return text;
        // Longest first, so a secret that contains another is replaced whole.
        foreach (var (secret, mask) in _replacements.OrderByDescending(r => r.Key.Length))
            text = text.Replace(secret, mask, StringComparison.Ordinal);
        return text;
    }

    public string ApplyToHeader(string name, string value) =>
        IsDisabled ? value : name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            ? RedactAuthorization(value)
            : name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)
                ? "«redacted cookie»"
                : Apply(value)!;

    private string RedactAuthorization(string value)
    {
        var space = value.IndexOf(' ');
        var scheme = space > 0 ? value[..space] : "credentials";
        var credential = space > 0 ? value[(space + 1)..] : value;
        return $"{scheme} {Mask(credential, scheme.ToLowerInvariant() == "bearer" ? "access_token" : "credentials")}";
    }

    private void Harvest(HttpExchange exchange)
    {
        foreach (var field in SecretFields)
        {
            Add(QueryValue(exchange.Url.Query, field), field);
            Add(QueryValue(exchange.Url.Fragment.TrimStart('#'), field), field);
            Add(FormValue(exchange.RequestBody, field), field);
            Add(JsonValue(exchange.ResponseBody, field), field);
            Add(JsonValue(exchange.RequestBody, field), field);
        }
        foreach (var header in exchange.RequestHeaders.Where(h => h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
            Add(header.Value.Split(' ', 2).Last(), "credentials");
        if (exchange.ResponseHeader("Location") is { } location && Uri.TryCreate(location, UriKind.RelativeOrAbsolute, out var target))
        {
            var absolute = target.IsAbsoluteUri ? target : new Uri(exchange.Url, target);
            foreach (var field in SecretFields)
            {
                Add(QueryValue(absolute.Query, field), field);
                Add(QueryValue(absolute.Fragment.TrimStart('#'), field), field);
            }
        }
    }

    private static string Mask(string value, string kind)
    {
        if (Jwt().Match(value) is { Success: true } jwt)
            return $"{jwt.Groups[1].Value}.{jwt.Groups[2].Value}.«{kind} signature redacted»";
        var tail = value.Length >= 12 ? value[^4..] : "";
        return $"«redacted {kind}{(tail.Length > 0 ? " …" + tail : "")}»";
    }

    private static string? QueryValue(string query, string field) =>
        string.IsNullOrEmpty(query) ? null : HttpUtility.ParseQueryString(query)[field];

    private static string? FormValue(string? body, string field)
    {
        if (string.IsNullOrEmpty(body) || body.TrimStart().StartsWith('{')) return null;
        try { return HttpUtility.ParseQueryString(body)[field]; } catch (ArgumentException) { return null; }
    }

    private static string? JsonValue(string? body, string field)
    {
        if (string.IsNullOrEmpty(body) || !body.TrimStart().StartsWith('{')) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    [GeneratedRegex(@"^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$")]
    private static partial Regex Jwt();
}
