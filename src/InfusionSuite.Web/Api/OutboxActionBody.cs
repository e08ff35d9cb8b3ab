namespace InfusionSuite.Web.Api;

/// <summary>A staff action on a parked outbox item.</summary>
/// <param name="Note">Optional: why, or what was done outside InfusionSuite (kept in the audit).</param>
/// <param name="EhrId">
/// "Handled outside" only, optional: the id at the EHR (e.g. <c>Procedure/123</c>) of the part the item stopped at (its answer was
/// lost, or staff keyed it in): it counts as delivered with that id and the rest of the item goes on.
/// </param>
public sealed record OutboxActionBody(string? Note, string? EhrId = null);
