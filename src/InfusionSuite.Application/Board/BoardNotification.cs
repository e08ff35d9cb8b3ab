namespace InfusionSuite.Application.Board;

/// <summary>Something the chair board should show now. Carries ids only, never patient data.</summary>
public abstract record BoardNotification(string SessionId, string ControllerId, DateTimeOffset At);
