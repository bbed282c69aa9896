using Microsoft.Extensions.Logging;

namespace SmartConformance.ReferenceServer.Hosting;

/// <summary>Forwards log entries to <see cref="ReferenceServerOptions.Log"/>, one line each.</summary>
internal sealed class LogSinkLoggerProvider(Action<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new SinkLogger(sink, ShortCategory(categoryName));

    public void Dispose()
    {
    }

    private static string ShortCategory(string category) => category[(category.LastIndexOf('.') + 1)..];

    private sealed class SinkLogger(Action<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception).ReplaceLineEndings(" ");
            var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})";
            sink($"[reference-server] {logLevel} {category}: {message}{error}");
        }
    }
}
