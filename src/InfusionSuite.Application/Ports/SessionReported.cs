namespace InfusionSuite.Application.Ports;

/// <summary>
/// What of a session's record the session-end participants were last given in this batch (a hash of its fingerprint), stored
/// with the session so a restart knows whether its latest state was reported: an end or a correction held for an upload when
/// the worker stopped goes out after the restart.
/// </summary>
public readonly record struct SessionReported(string SessionId, string Fingerprint);
