using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Application.Ports;

/// <summary>What the writer needs after a start: where the ingest order goes on, and the sessions to rebuild.</summary>
/// <param name="LastIngestSeq">Where the ingest order continues: the highest ingest sequence number stored (0 for a new database); on a database several workers share, the start of a block of numbers of this writer's own.</param>
/// <param name="Sessions">Sessions still open, and those ended within the window asked for (late controller messages may still join them).</param>
/// <param name="Setpoints">Each controller's latest reported coolant setpoint, where one was ever reported.</param>
/// <param name="KnownControllers">Every controller stored before (the <c>controllers</c> table): admitted again whatever the auto-registration limit.</param>
/// <param name="Hellos">Each controller's latest hello stored before (model, firmware, boot): a session started after a restart still learns who its controller is.</param>
/// <param name="LastMessages">Each controller's highest stored seq of the boot of its latest hello: the next message continues it, or there is a gap (messages lost while no writer ran, e.g. at a failover).</param>
public sealed record IngestRecovery(
    long LastIngestSeq,
    IReadOnlyList<StoredSession> Sessions,
    IReadOnlyList<ControllerSetpointReport>? Setpoints = null,
    IReadOnlyList<string>? KnownControllers = null,
    IReadOnlyList<ControllerHello>? Hellos = null,
    IReadOnlyList<MessageKey>? LastMessages = null);
