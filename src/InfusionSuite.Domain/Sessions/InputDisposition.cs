namespace InfusionSuite.Domain.Sessions;

/// <summary>What became of an input. Only accepted inputs enter the session's log.</summary>
public enum InputDisposition : byte
{
    Accepted,

    /// <summary>A message already kept (same controllerId, boot and seq, or an identical nurse entry): dropped, changes nothing.</summary>
    Duplicate,

    /// <summary>Refused with a reason; the web layer maps it to 400 or 409.</summary>
    Refused,
}
