namespace InfusionSuite.Architecture.Tests;

/// <summary>Where a project sits in the graph (dependencies point from the outside in).</summary>
internal enum ProjectRole
{
    /// <summary>The session model: pure, references nothing of ours.</summary>
    Domain,

    /// <summary>Use cases and the ports: references the domain only.</summary>
    Application,

    /// <summary>Devices, Fhir, Storage, Web (and any new one): implement ports, reference Application and Domain only.</summary>
    Adapter,

    /// <summary>The production host: wires the adapters; carries no simulator.</summary>
    Host,

    /// <summary>The demo host: the production wiring plus the simulator.</summary>
    DemoHost,

    /// <summary>One engine's schema for an adapter (<c>X.Engine.Migrations</c>, loaded by name): references its adapter only, referenced by the hosts only.</summary>
    Migrations,

    /// <summary>The controller simulator (a tool for the demo and the tests).</summary>
    Simulator,
}
