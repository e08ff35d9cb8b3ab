namespace InfusionSuite.Demo.Tests;

/// <summary>
/// The tests that run whole demos (six chairs on a fast clock, a second demo process) run one after another, not beside each
/// other: on two busy cores, two fast-clock demos at once starve each other's clocks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoHostsCollection
{
    public const string Name = "Demo hosts";
}
