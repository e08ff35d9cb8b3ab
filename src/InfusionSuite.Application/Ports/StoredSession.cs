using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Application.Ports;

/// <summary>A session as stored: its policy and its accepted inputs in ingest order, ready to replay.</summary>
public sealed record StoredSession(string SessionId, string ControllerId, SessionPolicy Policy, IReadOnlyList<SessionInput> Log);
