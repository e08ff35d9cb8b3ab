namespace InfusionSuite.LoadTest;

/// <summary>
/// When each sample is due. Controller c (0-based) sends seq s (1-based) at (s − 1)/R + c/(N·R)
/// seconds: every controller at R Hz, the N controllers spread evenly over each period. A
/// saturating schedule has everything due at once (the broker's acknowledgements pace it).
/// </summary>
internal sealed record LoadSchedule(int Controllers, double RateHz, long SamplesPerController)
{
    public long Total => Controllers * SamplesPerController;

    public static LoadSchedule For(LoadArguments arguments) => arguments.Saturating
        ? new LoadSchedule(arguments.Controllers, 0, (arguments.Samples + arguments.Controllers - 1) / arguments.Controllers)
        : new LoadSchedule(arguments.Controllers, arguments.RateHz, (long)Math.Round(arguments.RateHz * arguments.Seconds));

    public TimeSpan DueAt(int controller, long seq) => RateHz <= 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(((seq - 1) + (controller / (double)Controllers)) / RateHz);
}
