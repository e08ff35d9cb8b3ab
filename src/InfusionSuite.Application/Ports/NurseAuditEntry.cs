using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Ports;

/// <summary>
/// One row of the append-only nurse audit: who did what to which session, when it was entered,
/// when it happened, and what it changed. Written in the same transaction as the input it explains.
/// </summary>
/// <param name="NurseId">Opaque user id, never a name.</param>
/// <param name="Change">What changed, for staff (no patient data), e.g. <c>status PreCooling → Infusing</c>.</param>
public sealed record NurseAuditEntry(
    long IngestSeq,
    string SessionId,
    NurseActionKind Action,
    string NurseId,
    DateTimeOffset EnteredAt,
    DateTimeOffset EffectiveAt,
    SessionStatus? StatusBefore,
    SessionStatus StatusAfter,
    string Change);
