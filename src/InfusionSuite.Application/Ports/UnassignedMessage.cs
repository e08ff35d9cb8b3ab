using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ports;

/// <summary>A stored sample or controller event no session took, as its input, with its place in the ingest order.</summary>
public sealed record UnassignedMessage(long IngestSeq, SessionInput Input);
