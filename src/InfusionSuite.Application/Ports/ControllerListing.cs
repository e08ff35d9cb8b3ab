namespace InfusionSuite.Application.Ports;

/// <summary>A controller as last heard from (hello).</summary>
public sealed record ControllerListing(string ControllerId, string? Model, string? Firmware, DateTimeOffset? LastHelloAt);
