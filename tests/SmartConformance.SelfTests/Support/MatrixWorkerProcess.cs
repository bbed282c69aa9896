using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SmartConformance.MatrixWorker;

namespace SmartConformance.SelfTests.Support;

/// <summary>
/// One smart-conformance-matrix-worker child process: it runs one request at a time, and answers each with one line.
/// Whatever else it prints (its own errors, a library's console output) is kept for the explanation of a failed run.
/// </summary>
public sealed class MatrixWorkerProcess : IAsyncDisposable
{
    // The referenced worker project's output (dll, runtimeconfig.json, deps.json) is copied beside the SelfTests by the build.
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "smart-conformance-matrix-worker.dll");

    private readonly Process _process;
    private readonly StringBuilder _chatter = new();
    private TaskCompletionSource<MatrixRunResponse>? _pending;

    private MatrixWorkerProcess(Process process) => _process = process;

    public static MatrixWorkerProcess Start()
    {
        var process = new Process
        {
            StartInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", ["exec", Dll])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
            },
            EnableRaisingEvents = true,
        };
        var worker = new MatrixWorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Received(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) worker.Chatter(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Runs one request; a run with no answer within <paramref name="stallLimit"/> kills the worker (and its browser) and returns null.</summary>
    public async Task<MatrixRunResponse?> RunAsync(MatrixRunRequest request, TimeSpan stallLimit)
    {
        var pending = new TaskCompletionSource<MatrixRunResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_chatter)
        {
            _chatter.Clear();
            _pending = pending;
        }
        if (_process.HasExited) pending.TrySetException(Exited());
        else
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, MatrixProtocol.Json));
            await _process.StandardInput.FlushAsync();
        }
        try { return await pending.Task.WaitAsync(stallLimit); }
        catch (TimeoutException)
        {
            Kill();
            return null;
        }
    }

    /// <summary>What the worker printed during the last request besides its answer.</summary>
    public string Chatter()
    {
        lock (_chatter) return _chatter.ToString();
    }

    private void Chatter(string line)
    {
        lock (_chatter) _chatter.AppendLine(line);
    }

    private void Received(string? line)
    {
        TaskCompletionSource<MatrixRunResponse>? pending;
        lock (_chatter) pending = _pending;
        if (line is null)
        {
            pending?.TrySetException(Exited());
            return;
        }
        if (!line.StartsWith(MatrixProtocol.ResponsePrefix, StringComparison.Ordinal))
        {
            Chatter(line);
            return;
        }
        var response = JsonSerializer.Deserialize<MatrixRunResponse>(line[MatrixProtocol.ResponsePrefix.Length..], MatrixProtocol.Json)!;
        pending?.TrySetResult(response);
    }

    private InvalidOperationException Exited()
    {
        _process.WaitForExit(TimeSpan.FromSeconds(5));
        var code = _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";
        return new InvalidOperationException($"The matrix worker exited (code {code}) without answering. It printed:\n{Chatter()}");
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { /* already gone */ }
    }

    /// <summary>Closes the worker's input so it closes its browser and exits; one that does not within 15 s is killed.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException) { Kill(); }
        _process.Dispose();
    }
}
