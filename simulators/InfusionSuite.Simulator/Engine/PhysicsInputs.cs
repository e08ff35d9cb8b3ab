namespace InfusionSuite.Simulator.Engine;

/// <summary>What drives the physics between two instants.</summary>
internal readonly record struct PhysicsInputs(bool ChillerOn, bool Circulating, bool CapOn, bool Overcool, double SetpointC);
