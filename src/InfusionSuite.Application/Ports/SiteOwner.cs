namespace InfusionSuite.Application.Ports;

/// <summary>One site's lease: the worker that holds (or last held) it, its fencing number, and until when it lasts (<paramref name="Live"/>: not run out).</summary>
public sealed record SiteOwner(string Site, string Worker, long Fence, DateTimeOffset ExpiresAt, bool Live);
