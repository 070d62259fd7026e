namespace Pipeline.Checking;

/// <summary>
/// One document's memory budget in the host. The managed heap is watched while the document is read; when it
/// has grown past the budget since the document began, the document is cancelled, as at its deadline, and
/// every reader stops at its next cancellation check. Native memory (Tesseract) is not counted here; the
/// readers' structural and pixel limits bound it, and the external tools have their own hard limits.
/// </summary>
internal sealed class MemoryBudget : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly long _baseline = GC.GetTotalMemory(forceFullCollection: false);
    private readonly long _budget;
    private readonly CancellationTokenSource _cancel;
    private readonly Timer _timer;

    public MemoryBudget(long budgetBytes, CancellationTokenSource cancel)
    {
        _budget = budgetBytes;
        _cancel = cancel;
        _timer = new Timer(_ => Watch(), null, Interval, Interval);
    }

    public bool Exceeded { get; private set; }

    public void Dispose() => _timer.Dispose();

    private void Watch()
    {
        if (Exceeded || GC.GetTotalMemory(forceFullCollection: false) - _baseline <= _budget)
        {
            return;
        }

        Exceeded = true;
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The document finished as the budget ran out.
        }
    }
}
