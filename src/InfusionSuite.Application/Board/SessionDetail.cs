using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Board;

/// <summary>A session's detail page: the record, what the board shows now, the nurse audit and the record's sample count (all stored).</summary>
public sealed record SessionDetail(
    ScalpCoolingSessionRecord Record,
    SessionLiveView Live,
    IReadOnlyList<NurseAuditEntry> Audit,
    int SampleCount);
