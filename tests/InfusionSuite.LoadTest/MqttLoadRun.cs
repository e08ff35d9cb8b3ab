namespace InfusionSuite.LoadTest;

/// <summary>
/// <c>mqtt</c>: one broker; first the baseline (mosquitto_sub drains the load), then the worker
/// takes the same load; the worker's rate as a ratio of the baseline's.
/// </summary>
internal static class MqttLoadRun
{
    public static async Task<int> RunAsync(LoadArguments arguments, Workspace workspace, LoadReport report, CancellationToken cancellationToken)
    {
        var schedule = LoadSchedule.For(arguments);
        report.Line(arguments.Saturating
            ? $"load: saturating, {schedule.Total:N0} samples from {schedule.Controllers:N0} controllers over {Math.Min(arguments.Connections, schedule.Controllers)} connections, QoS 1"
            : $"load: {schedule.Controllers:N0} controllers × {schedule.RateHz} Hz for {arguments.Seconds} s = {schedule.Total:N0} samples over {Math.Min(arguments.Connections, schedule.Controllers)} connections, QoS 1");
        await using var broker = await LoadBroker.StartAsync(workspace, cancellationToken);
        var baseline = arguments.Baseline ? await BaselinePhase.RunAsync(arguments, schedule, broker, workspace, report, cancellationToken) : null;
        var worker = await WorkerPhase.RunAsync(arguments, schedule, broker, workspace, report, cancellationToken);
        if (baseline is not null)
        {
            report.Line($"ratio worker / mosquitto_sub: {worker.Rate / baseline.Rate:0.00} overall, {worker.SteadyRate / baseline.SteadyRate:0.00} steady");
        }

        report.Line($"load average at end: {LoadReport.LoadAverage()}");
        var lost = worker.Expected - worker.Received;
        if (lost != 0)
        {
            report.Line($"LOST: {lost:N0} samples not stored");
            return 1;
        }

        return 0;
    }
}
