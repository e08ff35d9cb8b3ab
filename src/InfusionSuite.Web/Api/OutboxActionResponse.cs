namespace InfusionSuite.Web.Api;

/// <summary>What a staff action on a parked item did.</summary>
public sealed record OutboxActionResponse(Guid ItemId, string Result);
