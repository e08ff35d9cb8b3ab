using InfusionSuite.Domain.Controllers;
using InfusionSuite.Simulator.Engine;

namespace InfusionSuite.Simulator.Outputs;

/// <summary>A hello as an <see cref="InMemoryControllerOutput"/> received it.</summary>
public sealed record ReceivedHello(ControllerHello Hello, HelloReason Reason);
