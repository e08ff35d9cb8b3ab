using System.Collections.Concurrent;

namespace InfusionSuite.Testing;

/// <summary>
/// Collects task exceptions nobody observed (<see cref="TaskScheduler.UnobservedTaskException"/>)
/// while it is alive. The event is process-wide, so an exception may come from a test running in
/// parallel; it is a defect either way.
/// </summary>
public sealed class UnobservedTaskExceptionGuard : IDisposable
{
    private readonly ConcurrentQueue<Exception> _exceptions = new();

    public UnobservedTaskExceptionGuard() => TaskScheduler.UnobservedTaskException += OnUnobserved;

    /// <summary>Collects the garbage first, so the finalizers of faulted tasks raise their event.</summary>
    public IReadOnlyList<Exception> Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return [.. _exceptions];
    }

    public void Dispose() => TaskScheduler.UnobservedTaskException -= OnUnobserved;

    private void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e)
    {
        _exceptions.Enqueue(e.Exception);
        e.SetObserved();
    }
}
