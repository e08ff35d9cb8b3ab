namespace InfusionSuite.LoadTest;

/// <summary>
/// The worker under the load: sessions opened for every controller, the Host started as its own
/// process, the publishers run, the commit probe watching the database; then CPU, memory and size,
/// and for a rated run the board's read-back of every session (<see cref="BoardReadBack"/>).
/// </summary>
internal static class WorkerPhase
{
    public static async Task<DrainResult> RunAsync(
        LoadArguments arguments, LoadSchedule schedule, LoadBroker broker, Workspace workspace, LoadReport report, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        await using var database = await LoadDatabase.CreateAsync(arguments.PostgreSql, workspace);
        var seeding = time.GetTimestamp();
        await SessionSeeder.SeedAsync(database.Settings(), Enumerable.Range(0, schedule.Controllers).Select(VirtualControllers.Id), cancellationToken);
        report.Line($"worker: {database.Name}; {schedule.Controllers:N0} sessions opened in {time.GetElapsedTime(seeding).TotalSeconds:0.0} s");
        var seeded = await database.MeasureAsync(cancellationToken);

        var dll = WorkerProcess.Locate(arguments.WorkerPath);
        var settings = WorkerSettings.Mqtt(database, broker, arguments.ReceiveMaximum);
        foreach (var (key, value) in arguments.WorkerSettings)
        {
            settings[key] = value;
        }
        await using var publishers = await VirtualControllers.ConnectAsync(
            broker.Host, broker.Port, schedule.Controllers, arguments.Connections, "load-pub", cancellationToken);
        if (arguments.Backlog)
        {
            // Once started and stopped, the worker's broker session (clean start off) queues what comes next.
            await using (var first = await WorkerProcess.StartAsync(dll, settings, workspace.PathOf("worker.log"), cancellationToken))
            {
                await first.StopAsync();
            }

            var queueing = time.GetTimestamp();
            await publishers.RunAsync(schedule, time, queueing, cancellationToken);
            report.Line($"worker: backlog of {publishers.Acknowledged:N0} queued at the broker in {time.GetElapsedTime(queueing).TotalSeconds:0.00} s while the worker was stopped");
        }

        var warmup = arguments.Saturating ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(arguments.WarmupSeconds, arguments.Seconds / 2));
        var start = time.GetTimestamp();
        var startedAt = time.GetUtcNow();
        await using var probe = new CommitProbe(database, time) { Expected = schedule.Total, MeasureFrom = startedAt };
        probe.Start();
        await using var worker = await WorkerProcess.StartAsync(dll, settings, workspace.PathOf("worker.log"), cancellationToken);
        report.Line($"worker: {dll} pid {worker.ProcessId}, ready after {time.GetElapsedTime(start).TotalSeconds:0.0} s; memory {ProcessUsage.MemoryMb(worker.ProcessId):0} MB");
        if (!arguments.Backlog)
        {
            start = time.GetTimestamp();
            startedAt = time.GetUtcNow();
            probe.MeasureFrom = startedAt + warmup;
        }

        var workerCpu = new CpuWindow(worker.ProcessId, time);
        var brokerCpu = new CpuWindow(broker.ProcessId, time);
        var publishing = arguments.Backlog ? Task.CompletedTask : publishers.RunAsync(schedule, time, start, cancellationToken);
        await Task.Delay(warmup, time, cancellationToken);
        workerCpu.Begin();
        brokerCpu.Begin();

        var deadline = BaselinePhase.Deadline(schedule);
        TimeSpan? published = null;
        while (probe.Stored < schedule.Total && time.GetElapsedTime(start) < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), time, cancellationToken);
            if (published is null && publishing.IsCompleted)
            {
                published = time.GetElapsedTime(start);
                if (!arguments.Saturating)
                {
                    // Rated load: CPU over the steady publishing window, not the drain after it.
                    workerCpu.End();
                    brokerCpu.End();
                }
            }
        }

        var elapsed = (probe.LastRowSeenAt ?? time.GetUtcNow()) - (arguments.Backlog ? probe.Tenths[0] ?? startedAt : startedAt);
        if (arguments.Saturating || published is null)
        {
            workerCpu.End();
            brokerCpu.End();
        }

        await publishing;
        var peak = worker.PeakMemoryMb();
        await probe.DisposeAsync();
        var result = new DrainResult(schedule.Total, probe.Stored, elapsed, DrainResult.Steady(schedule.Total, probe.Tenths), published ?? elapsed);
        var latency = probe.Latency;
        report.Line($"worker: {result.Received:N0} of {result.Expected:N0} stored ({probe.Folded:N0} folded into sessions) in {elapsed.TotalSeconds:0.00} s = " +
            $"{result.Rate:N0} samples/s (steady 10–90 %: {result.SteadyRate:N0}/s); publishers done at {result.PublishElapsed.TotalSeconds:0.00} s " +
            $"({publishers.Acknowledged:N0} acknowledged by the broker, {publishers.Failed:N0} failed)");
        report.Line(arguments.Backlog
            ? "worker: publish → commit not measured: the backlog was published before the worker started"
            : $"worker: publish → commit (visible to a reader, polled every 5 ms), {latency.Count:N0} samples after the warm-up: " +
              $"p50 {latency.Percentile(0.50)} ms, p99 {latency.Percentile(0.99)} ms, p99.9 {latency.Percentile(0.999)} ms, max {latency.MaxMs} ms");
        report.Line($"worker: CPU {workerCpu.PercentOfOneCore:0.0} % of one core over {workerCpu.Wall.TotalSeconds:0.0} s " +
            $"(mosquitto {brokerCpu.PercentOfOneCore:0.0} %); peak memory (VmHWM) {peak:0} MB");

        await worker.StopAsync();
        var size = await database.MeasureAsync(cancellationToken);
        report.Line($"worker: database grew {size.FileBytes - seeded.FileBytes:N0} bytes for {size.Samples - seeded.Samples:N0} samples = " +
            $"{size.BytesPerSampleSince(seeded):0.0} bytes/sample on disk ({size.FileBytes:N0} bytes, checkpointed)");
        if (!arguments.Saturating)
        {
            await BoardReadBack.MeasureAsync(database, report, cancellationToken);
        }

        return result;
    }
}
