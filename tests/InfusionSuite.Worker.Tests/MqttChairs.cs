using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;

namespace InfusionSuite.Worker.Tests;

/// <summary>Runs one simulated chair's scenario over a test broker (site "clinic"), with the nurse on its markers, within <c>limit</c> of real time (80 s unless given).</summary>
internal static class MqttChairs
{
    public static async Task RunAsync(
        Scenario scenario, SimulatedChair chair, MosquittoBroker broker, TimeProvider clock, DateTimeOffset start, ISimulationObserver nurse, ControllerClockError? clockError = null,
        ControllerCutOff? cutOff = null, TimeSpan? limit = null)
    {
        await using var output = new MqttControllerOutput(new MqttOutputOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            Site = "clinic",
            ControllerId = chair.ControllerId,
        });
        await new SimulatedController(scenario, chair, seed: 1, output, clock, start, clockError: clockError, cutOff: cutOff).RunAsync(nurse, Wait.Token(limit ?? TimeSpan.FromSeconds(80)));
    }
}
