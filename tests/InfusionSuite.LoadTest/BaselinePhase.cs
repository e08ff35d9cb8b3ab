using InfusionSuite.Devices.Protocol;
using MQTTnet;

namespace InfusionSuite.LoadTest;

/// <summary>
/// The broker's own ceiling on this machine: <c>mosquitto_sub -q 1</c> on <c>ccp/v1/#</c> drains the
/// same load, its output counted and thrown away.
/// </summary>
internal static class BaselinePhase
{
    public static async Task<DrainResult> RunAsync(
        LoadArguments arguments, LoadSchedule schedule, LoadBroker broker, Workspace workspace, LoadReport report, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        // -c: a persistent session, so that with --backlog the broker queues the load while it is stopped.
        string[] subArguments = ["-h", broker.Host, "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "ccp/v1/#", "-q", "1", "-c", "-i", "load-baseline"];
        report.Line($"baseline: mosquitto_sub {ChildProcess.Describe(subArguments)} > counter");
        var log = workspace.PathOf("mosquitto_sub.log");
        var sub = ChildProcess.Start("/usr/bin/mosquitto_sub", subArguments, log, countLines: true);
        var before = await WaitSubscribedAsync(broker, sub, cancellationToken);
        await using var publishers = await VirtualControllers.ConnectAsync(
            broker.Host, broker.Port, schedule.Controllers, arguments.Connections, "load-base", cancellationToken);
        if (arguments.Backlog)
        {
            await sub.StopAsync(TimeSpan.FromSeconds(5));
            await sub.DisposeAsync();
            var queueing = time.GetTimestamp();
            await publishers.RunAsync(schedule, time, queueing, cancellationToken);
            report.Line($"baseline: backlog of {publishers.Acknowledged:N0} queued at the broker in {time.GetElapsedTime(queueing).TotalSeconds:0.00} s while mosquitto_sub was stopped");
            before = 0;
        }

        var brokerCpu = ProcessUsage.CpuSeconds(broker.ProcessId);
        var start = time.GetTimestamp();
        if (arguments.Backlog)
        {
            sub = ChildProcess.Start("/usr/bin/mosquitto_sub", subArguments, log, countLines: true);
        }

        await using var subscriber = sub;
        var subCpu = ProcessUsage.CpuSeconds(sub.Id);
        var publishing = arguments.Backlog ? Task.CompletedTask : publishers.RunAsync(schedule, time, start, cancellationToken);
        var tenths = new DateTimeOffset?[11];
        var deadline = Deadline(schedule);
        TimeSpan? published = null;
        while (sub.Lines - before < schedule.Total && time.GetElapsedTime(start) < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), time, cancellationToken);
            var received = sub.Lines - before;
            for (var tenth = 0; tenth <= 10 && received > 0; tenth++)
            {
                tenths[tenth] ??= received * 10 >= schedule.Total * tenth ? time.GetUtcNow() : null;
            }

            if (published is null && publishing.IsCompleted)
            {
                published = time.GetElapsedTime(start);
            }
        }

        var elapsed = arguments.Backlog && tenths[0] is { } first && tenths[10] is { } last ? last - first : time.GetElapsedTime(start);
        await publishing;
        var result = new DrainResult(schedule.Total, sub.Lines - before, elapsed, DrainResult.Steady(schedule.Total, tenths), published ?? elapsed);
        report.Line($"baseline: {result.Received:N0} of {result.Expected:N0} received in {elapsed.TotalSeconds:0.00} s = {result.Rate:N0} samples/s " +
            $"(steady 10–90 %: {result.SteadyRate:N0}/s); publishers done at {result.PublishElapsed.TotalSeconds:0.00} s; " +
            $"CPU mosquitto {Percent(ProcessUsage.CpuSeconds(broker.ProcessId) - brokerCpu, elapsed)}, mosquitto_sub {Percent(ProcessUsage.CpuSeconds(sub.Id) - subCpu, elapsed)} of one core");
        return result;
    }

    public static TimeSpan Deadline(LoadSchedule schedule) =>
        schedule.RateHz > 0 ? TimeSpan.FromSeconds((schedule.SamplesPerController / schedule.RateHz) + 120) : TimeSpan.FromMinutes(10);

    public static string Percent(double cpuSeconds, TimeSpan wall) => $"{100 * cpuSeconds / wall.TotalSeconds:0.0} %";

    /// <summary>Publishes a few status probes until mosquitto_sub prints one: it is subscribed. Returns its line count then.</summary>
    private static async Task<long> WaitSubscribedAsync(LoadBroker broker, ChildProcess sub, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("load-probe").Build(), cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (sub.Lines == 0)
        {
            await client.PublishStringAsync(CcpTopics.Status(VirtualControllers.Site, "PROBE"), """{"online":false}""", cancellationToken: deadline.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }

        await client.DisconnectAsync(cancellationToken: cancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        return sub.Lines;
    }
}
