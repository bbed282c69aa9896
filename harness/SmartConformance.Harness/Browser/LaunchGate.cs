namespace SmartConformance.Harness.Browser;

/// <summary>
/// How many launches drive the browser at once, with a lane ahead of the rest: a launch whose token or code is then waited
/// out (the expiry probes) goes first, because its wait can only start once it is done, and the run cannot end before the
/// wait does. Everything else is first come, first served.
/// </summary>
public sealed class LaunchGate(int capacity)
{
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource> _ahead = new();
    private readonly Queue<TaskCompletionSource> _others = new();
    private int _free = Math.Max(1, capacity);

    public async Task<IDisposable> EnterAsync(bool ahead, CancellationToken ct)
    {
        TaskCompletionSource waiting;
        lock (_lock)
        {
            if (_free > 0 && _ahead.Count == 0 && (ahead || _others.Count == 0))
            {
                _free--;
                return new Pass(this);
            }
            waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            (ahead ? _ahead : _others).Enqueue(waiting);
        }
        using (ct.Register(() => waiting.TrySetCanceled(ct)))
        {
            try { await waiting.Task; }
            catch (OperationCanceledException)
            {
                // A slot handed over just as the wait was cancelled must not be lost.
                if (waiting.Task.IsCompletedSuccessfully) Leave();
                throw;
            }
        }
        return new Pass(this);
    }

    private void Leave()
    {
        lock (_lock)
        {
            // Cancelled waiters are skipped: TrySetResult fails for them, and the slot goes to the next in line.
            while (_ahead.TryDequeue(out var next) || _others.TryDequeue(out next))
                if (next.TrySetResult()) return;
            _free++;
        }
    }

    private sealed class Pass(LaunchGate gate) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) gate.Leave();
        }
    }
}
