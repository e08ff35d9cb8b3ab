using System.Text.Json;
using InfusionSuite.Simulator.Cli;
using InfusionSuite.Simulator.Engine;
using InfusionSuite.Simulator.Outputs;
using InfusionSuite.Simulator.Running;
using InfusionSuite.Simulator.Scenarios;
using InfusionSuite.Testing;

namespace InfusionSuite.Simulator.Tests;

/// <summary>The MQTT transport and the console program against a real mosquitto, started by each test on a free port.</summary>
public sealed class MqttTransportTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 30_000)]
    public async Task Session_WithDisconnect_SubscriberSeesStatusTelemetryEventsAndTheLastWill()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/lwt/#", Token());
        var scenario = new Scenario
        {
            Name = "tiny-disconnect",
            Session = SimulatedControllerTests.Tiny(),
            Incidents = [new Incident { Kind = IncidentKind.Disconnect, Phase = SessionPhase.Infusion, AtMinutes = 0.2, Minutes = 0.2 }],
        };
        var options = new SimulationOptions { Controllers = 2, Seed = 9 };

        await Simulation.RunAsync(scenario, options, chair => Output(broker, chair, "lwt"), new ScaledTimeProvider(120), null, CancellationToken.None).WaitAsync(s_timeout);
        await subscriber.WaitForAsync(m => m.Count(x => x.Payload == """{"online":false}""") >= 4, "two Last Wills and two offline statuses");

        var chair1 = subscriber.Messages.Where(m => m.Topic.StartsWith("ccp/v1/lwt/CHAIR-01/", StringComparison.Ordinal)).ToList();
        var statuses = chair1.Where(m => m.Topic.EndsWith("/status", StringComparison.Ordinal)).Select(m => m.Payload).ToList();
        Assert.Equal(4, statuses.Count);
        Assert.StartsWith("""{"online":true,"boot":""", statuses[0], StringComparison.Ordinal);
        Assert.Equal("""{"online":false}""", statuses[1]);
        Assert.Equal(statuses[0], statuses[2]);
        Assert.Equal("""{"online":false}""", statuses[3]);

        var telemetry = chair1.Where(m => m.Topic == "ccp/v1/lwt/CHAIR-01/telemetry").Select(m => JsonDocument.Parse(m.Payload).RootElement).ToList();
        Assert.InRange(telemetry.Count, 250, 290);
        Assert.All(telemetry, t => Assert.Equal(JsonDocument.Parse(statuses[0]).RootElement.GetProperty("boot").GetString(), t.GetProperty("boot").GetString()));
        var events = chair1.Where(m => m.Topic.EndsWith("/event", StringComparison.Ordinal)).Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("event").GetString());
        Assert.Equal(["SETPOINT", "CALIBRATED", "CAP_ON", "COOLING_START", "COOLING_STOP", "CAP_OFF"], events);
        Assert.Contains(subscriber.Messages, m => m.Topic == "ccp/v1/lwt/CHAIR-02/telemetry");
    }

    [Fact(Timeout = 30_000)]
    public async Task ConnectionDrop_BrokerPublishesTheRetainedLastWill()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        var hello = new Domain.Controllers.ControllerHello("CHAIR-09", 0x01020304, "SIM-1", "1.0.0", 1);
        await using (var output = Output(broker, SimulatedChair.Numbered(8), "drop"))
        {
            await output.HelloAsync(hello, HelloReason.PowerOn, CancellationToken.None);
            await output.OfflineAsync(OfflineReason.PowerLoss, CancellationToken.None);
        }

        // A subscriber that comes later still sees the Last Will: the broker retained it.
        await using var late = await MqttSubscriber.StartAsync(broker, "ccp/v1/drop/+/status", Token());
        await late.WaitForAsync(m => m.Count > 0, "the retained status");
        Assert.Equal(("ccp/v1/drop/CHAIR-09/status", """{"online":false}""", true), late.Messages[0]);
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_RunsAScenarioFileOnThreeChairs_AndExitsZero()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/cli/+/event", Token());
        var file = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(new Scenario { Name = "tiny", Session = SimulatedControllerTests.Tiny() }));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var exit = await SimulatorCommand.RunAsync(
                ["mqtt", "--broker", $"127.0.0.1:{broker.Port}", "--site", "cli", "--controllers", "3", "--scenario", file, "--time-scale", "300", "--seed", "1"],
                stdout, stderr, interactive: false, CancellationToken.None).WaitAsync(s_timeout);

            Assert.True(exit == 0, stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        await subscriber.WaitForAsync(m => m.Count(x => x.Payload.Contains("CAP_OFF", StringComparison.Ordinal)) == 3, "CAP_OFF from three chairs");
        Assert.Contains("CHAIR-03     nurse: CapRemoved", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("scenario tiny ran: 3 chair(s)", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_CutOff_PrintsALineWhenTheLinkGoesDownAndOneWhenItIsBackWithWhatItUploads()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/cutcli/+/+", Token());
        var file = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(new Scenario { Name = "tiny", Session = SimulatedControllerTests.Tiny() }));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var exit = await SimulatorCommand.RunAsync(
                ["mqtt", "--broker", $"127.0.0.1:{broker.Port}", "--site", "cutcli", "--scenario", file, "--time-scale", "300", "--seed", "1", "--cut-off", "1@1.5", "--upload", "chunks"],
                stdout, stderr, interactive: false, CancellationToken.None).WaitAsync(s_timeout);
            Assert.True(exit == 0, stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var down = Assert.Single(lines, l => l.Contains("link down", StringComparison.Ordinal));
        var up = Assert.Single(lines, l => l.Contains("link up, uploading", StringComparison.Ordinal));
        Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{3}Z CHAIR-01 +link down", down);
        var uploaded = int.Parse(System.Text.RegularExpressions.Regex.Match(up, @"^\d\d:\d\d:\d\d\.\d{3}Z CHAIR-01 +link up, uploading (\d+) stored messages").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Array.IndexOf(lines, down) < Array.IndexOf(lines, up));

        // A minute of a chair's telemetry and events was stored: the count printed is what it sent after it was back.
        Assert.InRange(uploaded, 12, 400);
        await subscriber.WaitForAsync(m => m.Count(x => x.Payload.Contains("CAP_OFF", StringComparison.Ordinal)) == 1, "the chair's CAP_OFF");
        var downAt = TimeOnly.ParseExact(down[..12], "HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        var upAt = TimeOnly.ParseExact(up[..12], "HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(upAt - downAt, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(70)); // the cut's minute, on the scenario's clock
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_Quiet_PrintsOnlyTheSummary_AndItCountsWhatWasSent()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/quiet/+/+", Token());
        var file = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(new Scenario { Name = "tiny", Session = SimulatedControllerTests.Tiny() }));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var exit = await SimulatorCommand.RunAsync(
                ["mqtt", "--broker", $"127.0.0.1:{broker.Port}", "--site", "quiet", "--scenario", file, "--time-scale", "300", "--quiet"],
                stdout, stderr, interactive: false, CancellationToken.None).WaitAsync(s_timeout);
            Assert.True(exit == 0, stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        var text = stdout.ToString();
        Assert.DoesNotContain("nurse:", text, StringComparison.Ordinal); // no log lines
        var row = text.Split('\n').Single(line => line.StartsWith("CHAIR-01 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sent = int.Parse(row[^3], System.Globalization.CultureInfo.InvariantCulture); // msgs, lost, bad
        Assert.True(sent > 0, text);
        await subscriber.WaitForAsync(
            m => m.Count(x => x.Topic.EndsWith("/telemetry", StringComparison.Ordinal) || x.Topic.EndsWith("/event", StringComparison.Ordinal)) == sent,
            $"the {sent} telemetry and event messages the summary counts");
    }

    /// <summary>The simulator's own process stopped with SIGTERM, as `kill` or a service manager stops it: the summary prints, exit 130 (issue 18 trial: nothing printed, exit 143).</summary>
    [Fact(Timeout = 60_000)]
    public async Task SimulatorProcess_StoppedWithSigterm_PrintsItsSummary_AndExits130()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/term/+/+", Token());
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "InfusionSuite.Simulator.dll"), "mqtt", "--broker", $"127.0.0.1:{broker.Port}", "--site", "term", "--scenario", "normal", "--time-scale", "1", "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }

        using var simulator = System.Diagnostics.Process.Start(start)!;
        var stdout = simulator.StandardOutput.ReadToEndAsync(Token());
        var stderr = simulator.StandardError.ReadToEndAsync(Token());
        try
        {
            await subscriber.WaitForAsync(m => m.Any(x => x.Topic.EndsWith("/telemetry", StringComparison.Ordinal)), "a first sample");
            using (var kill = System.Diagnostics.Process.Start("sh", ["-c", "kill -TERM " + simulator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) // the shell's own kill
            {
                await kill.WaitForExitAsync(Token());
            }

            await simulator.WaitForExitAsync(Token());
        }
        finally
        {
            if (!simulator.HasExited)
            {
                simulator.Kill(entireProcessTree: true);
            }
        }

        var text = await stdout;
        Assert.True(simulator.ExitCode == 130, $"exit {simulator.ExitCode}\n{text}\n{await stderr}");
        Assert.Contains("cancelled after", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^CHAIR-01 .*\d+\s+\d+\s*$", text);
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_BrokerKilledMidRun_PrintsALineWhenMessagesStartToBeLostAndOneWhenTheyGoAgain_AndTheSummaryCountsThemApart()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/lost/+/+", Token());
        var scenario = new Scenario { Name = "tiny", Session = SimulatedControllerTests.Tiny() };
        var file = Path.Combine(Path.GetTempPath(), $"tiny-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, ScenarioJson.Serialize(scenario));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var run = SimulatorCommand.RunAsync(
                ["mqtt", "--broker", $"127.0.0.1:{broker.Port}", "--site", "lost", "--scenario", file, "--time-scale", "20", "--seed", "1"],
                stdout, stderr, interactive: false, CancellationToken.None);
            await subscriber.WaitForAsync(m => m.Count(x => x.Topic.EndsWith("/telemetry", StringComparison.Ordinal)) >= 20, "twenty samples");
            await broker.StopAsync(Token());
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // 30 simulated seconds of samples with no broker
            await broker.StartAgainAsync(Token());
            Assert.True(await run.WaitAsync(s_timeout) == 0, stderr.ToString());
        }
        finally
        {
            File.Delete(file);
        }

        var text = stdout.ToString();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var down = Assert.Single(lines, l => l.Contains("CHAIR-01", StringComparison.Ordinal) && l.Contains("transport down: messages are lost", StringComparison.Ordinal));
        var back = Assert.Single(lines, l => l.Contains("CHAIR-01", StringComparison.Ordinal) && l.Contains("transport back:", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(lines, down) < Array.IndexOf(lines, back), text);
        var lostInLine = int.Parse(System.Text.RegularExpressions.Regex.Match(back, @"transport back: (\d+) messages lost").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lostInLine, 5, 200);

        // The summary's msgs are what went out, lost what did not: together, every sample and event of the scenario.
        var row = lines.Single(line => line.StartsWith("CHAIR-01 ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sent = int.Parse(row[^3], System.Globalization.CultureInfo.InvariantCulture);
        var lost = int.Parse(row[^2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(lostInLine, lost);
        var planned = ControllerTimeline.Generate(scenario, SimulatedChair.Numbered(0), 1, Timelines.Start, 7).Count(i => i is TelemetryItem or EventItem);
        Assert.Equal(planned, sent + lost);
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_QuietRunCancelled_PrintsWhatEachChairSentBeforeCancelled()
    {
        await using var broker = await MosquittoBroker.StartAsync(Token());
        await using var subscriber = await MqttSubscriber.StartAsync(broker, "ccp/v1/cut/+/+", Token());
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var ctrlC = new CancellationTokenSource();
        var run = SimulatorCommand.RunAsync(
            ["mqtt", "--broker", $"127.0.0.1:{broker.Port}", "--site", "cut", "--controllers", "2", "--time-scale", "60", "--quiet"],
            stdout, stderr, interactive: false, ctrlC.Token);
        static int Sent(IReadOnlyList<(string Topic, string Payload, bool Retained)> m) =>
            m.Count(x => x.Topic.EndsWith("/telemetry", StringComparison.Ordinal) || x.Topic.EndsWith("/event", StringComparison.Ordinal));
        await subscriber.WaitForAsync(m => Sent(m) >= 10, "ten messages from the chairs");

        await ctrlC.CancelAsync();
        Assert.Equal(SimulatorCommand.Cancelled, await run.WaitAsync(s_timeout));

        Assert.Contains("cancelled", stderr.ToString(), StringComparison.Ordinal);
        var text = stdout.ToString();
        Assert.Contains("scenario normal cancelled after", text, StringComparison.Ordinal);
        var counted = new[] { "CHAIR-01 ", "CHAIR-02 " }.Sum(chair => int.Parse(
            text.Split('\n').Single(line => line.StartsWith(chair, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^3],
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(counted >= 10, text);
        await subscriber.WaitForAsync(m => Sent(m) >= counted, $"the {counted} messages the summary counts");
        Assert.InRange(Sent(subscriber.Messages), counted, counted + 2); // at most one publish per chair cut off before its count
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_BrokerNotThere_ExitsOneWithAClearMessage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SimulatorCommand.RunAsync(
            ["mqtt", "--broker", "127.0.0.1:1", "--site", "nowhere", "--time-scale", "100", "--quiet"],
            stdout, stderr, interactive: false, CancellationToken.None).WaitAsync(s_timeout);

        Assert.Equal(1, exit);
        Assert.Contains("cannot connect to the MQTT broker 127.0.0.1:1", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ConsoleProgram_BadArguments_ExitTwo()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, await SimulatorCommand.RunAsync(["mqtt", "--site", "demo"], stdout, stderr, false, CancellationToken.None));
        Assert.Contains("error: mqtt needs --broker", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await SimulatorCommand.RunAsync(["serial", "--port", "/dev/null", "--scenario", "nonsense"], stdout, stderr, false, CancellationToken.None));
        Assert.Contains("no built-in scenario 'nonsense'", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task PublishWaitingForItsAck_CancelledByTheCaller_IsACancellation_NotADroppedMessage()
    {
        var heldTelemetry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var telemetryArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var broker = await EmbeddedMqttBroker.StartAsync(Token(), async e =>
        {
            if (e.ApplicationMessage.Topic.EndsWith("/telemetry", StringComparison.Ordinal))
            {
                telemetryArrived.TrySetResult();
                await heldTelemetry.Task; // no PUBACK until the test lets it go
            }
        });
        var chair = SimulatedChair.Numbered(3);
        var output = new MqttControllerOutput(new MqttOutputOptions
        {
            Host = broker.Host, Port = broker.Port, Site = "held", ControllerId = chair.ControllerId, Timeout = s_timeout,
        });
        try
        {
            await output.HelloAsync(new Domain.Controllers.ControllerHello(chair.ControllerId, 7, "SIM-4", "1.0.0", 1), HelloReason.PowerOn, Token());
            using var stop = new CancellationTokenSource();
            var sample = new Domain.Controllers.TelemetrySample(
                chair.ControllerId, 7, 2, DateTimeOffset.UnixEpoch, Domain.Controllers.ControllerState.Cooling,
                Domain.Controllers.Temperature.FromCelsius(3.5m), Domain.Controllers.Temperature.FromCelsius(18m), 210, true, Domain.Controllers.ControllerAlarms.None);
            var publish = output.TelemetryAsync(sample, stop.Token);
            await telemetryArrived.Task.WaitAsync(s_timeout);
            await stop.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish.WaitAsync(s_timeout));
            Assert.Equal(0, output.Undelivered);
        }
        finally
        {
            heldTelemetry.TrySetResult();
            await output.DisposeAsync();
        }
    }

    private static MqttControllerOutput Output(MosquittoBroker broker, SimulatedChair chair, string site) =>
        new(new MqttOutputOptions { Host = broker.Host, Port = broker.Port, Site = site, ControllerId = chair.ControllerId });

    private static CancellationToken Token() => new CancellationTokenSource(s_timeout).Token;
}
