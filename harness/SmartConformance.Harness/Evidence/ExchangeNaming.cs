namespace SmartConformance.Harness.Evidence;

/// <summary>
/// Names the exchanges made inside a scope, for libraries (Duende.IdentityModel, Playwright) that build their
/// own HttpRequestMessage, and captures the last exchange recorded under that name.
/// </summary>
public sealed class ExchangeNaming : IDisposable
{
    private static readonly AsyncLocal<ExchangeNaming?> Current = new();
    private readonly ExchangeNaming? _outer;

    private ExchangeNaming(string name)
    {
        Name = name;
        _outer = Current.Value;
        Current.Value = this;
    }

    public string Name { get; }
    public HttpExchange? Captured { get; private set; }

    public static ExchangeNaming Begin(string name) => new(name);

    internal static string? ActiveName => Current.Value?.Name;

    internal static void Capture(HttpExchange exchange)
    {
        if (Current.Value is { } scope && scope.Name == exchange.Name) scope.Captured = exchange;
    }

    public void Dispose() => Current.Value = _outer;
}
