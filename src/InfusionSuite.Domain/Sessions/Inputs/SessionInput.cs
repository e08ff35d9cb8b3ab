namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>
/// One entry of a session's input log. <see cref="ReceivedAt"/> is the server instant when it was
/// received or entered; the session record is a pure fold over the accepted entries in order.
/// </summary>
public abstract record SessionInput(DateTimeOffset ReceivedAt);
