namespace InfusionSuite.Host.Health;

/// <summary>Which controller links the configuration turns on.</summary>
internal sealed record ConfiguredLinks(bool Mqtt, IReadOnlyList<string> SerialPorts);
