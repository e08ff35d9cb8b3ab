namespace InfusionSuite.Web.Api;

/// <summary>The answer to an accepted (or already recorded) action.</summary>
/// <param name="Outcome">Accepted, or Duplicate when the identical entry was already stored.</param>
public sealed record ActionResponse(string SessionId, string Status, string Outcome, string Message);
