using System.Diagnostics.Metrics;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Metrics;

namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Meter <c>InfusionSuite.Ingest</c>: ingest rate, batch size, write latency, queue depth and open
/// sessions. Tags name kinds of message only, never a controller, session or patient. Every count is reported from
/// the start, 0 before its first event (<see cref="CountSinceStart"/>).
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "InfusionSuite.Ingest";
    public const string MessagesName = "ingest.messages";
    public const string UnassignedName = "ingest.samples.unassigned";
    public const string BatchSizeName = "ingest.batch.size";
    public const string WriteDurationName = "ingest.batch.write_duration";
    public const string CommitFailuresName = "ingest.batch.failures";
    public const string QueueDepthName = "ingest.queue.depth";
    public const string OpenSessionsName = "ingest.sessions.open";
    public const string RefusedControllersName = "ingest.messages.refused_controller";
    public const string SequenceCollisionsName = "ingest.sequence.collisions";
    public const string SequenceGapsName = "ingest.sequence.gaps";
    public const string SequenceMissingName = "ingest.sequence.missing";

    private static readonly KeyValuePair<string, object?>[] s_kinds =
        [new("kind", "telemetry"), new("kind", "event"), new("kind", "hello"), new("kind", "presence"), new("kind", "nurse")];

    private readonly CountSinceStart _messages;
    private readonly CountSinceStart _unassigned;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _writeDuration;
    private readonly CountSinceStart _failures;
    private readonly CountSinceStart _refusedController;
    private readonly CountSinceStart _collisions;
    private readonly CountSinceStart _gaps;
    private readonly CountSinceStart _missing;

    internal IngestMetrics(IMeterFactory meterFactory, ControllerMessageQueue queue, SessionBoard board)
    {
        var meter = meterFactory.Create(MeterName);
        _messages = new CountSinceStart(meter, MessagesName, "{message}", "Controller messages and nurse actions taken by the writer, by kind", [.. s_kinds.Select(k => (KeyValuePair<string, object?>[])[k])]);
        _unassigned = new CountSinceStart(meter, UnassignedName, "{sample}", "Samples stored with no open session on their controller (unknown or idle controllers)");
        _batchSize = meter.CreateHistogram<int>(BatchSizeName, "{item}", "Samples and inputs per committed batch");
        _writeDuration = meter.CreateHistogram<double>(WriteDurationName, "ms", "Time to write and commit one batch");
        _failures = new CountSinceStart(meter, CommitFailuresName, "{batch}", "Batch commits that failed (nothing acknowledged)");
        _refusedController = new CountSinceStart(
            meter, RefusedControllersName, "{message}", "Messages refused because their controller is neither configured, known nor under the auto-registration limit");
        _collisions = new CountSinceStart(
            meter, SequenceCollisionsName, "{message}", "Controller messages whose boot and seq were already used by a newer run (a restarted controller reusing its boot id): kept as a new sequence, not dropped as duplicates");
        _gaps = new CountSinceStart(
            meter, SequenceGapsName, "{gap}", "Breaks in a controller's message sequence (seq more than one past the last kept): messages lost at the broker or on the link");
        _missing = new CountSinceStart(meter, SequenceMissingName, "{message}", "Controller messages that never arrived, counted from the sequence gaps");
        meter.CreateObservableGauge(QueueDepthName, () => queue.Reader.Count, "{message}", "Controller messages waiting for the writer");
        meter.CreateObservableGauge(OpenSessionsName, () => board.OpenSessions, "{session}", "Sessions not yet ended");
    }

    internal void Message(IngestKind kind) => _messages.Add((int)kind, 1);

    internal void Unassigned() => _unassigned.Add();

    internal void Committed(int items, TimeSpan duration)
    {
        _batchSize.Record(items);
        _writeDuration.Record(duration.TotalMilliseconds);
    }

    internal void CommitFailed() => _failures.Add();

    internal void RefusedController() => _refusedController.Add();

    internal void SequenceCollision() => _collisions.Add();

    internal void SequenceGap(uint missing)
    {
        _gaps.Add();
        _missing.Add(missing);
    }
}
