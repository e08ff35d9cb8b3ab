namespace InfusionSuite.Domain.Courses;

/// <summary>
/// The cooled sessions of one regimen preset in a report: mean pre- and post-cooling against their
/// targets, and chair time (cap placement → removal, warm-up included) for scheduling.
/// </summary>
/// <param name="Sessions">Cooled sessions of the regimen in the range.</param>
/// <param name="MeanPreCooling">Over sessions whose infusion started; null when none.</param>
/// <param name="MeanPostCooling">Over sessions whose post-cooling ended; null when none.</param>
/// <param name="ChairSessions">Completed sessions (cap removed after post-cooling): the chair-time figures are over these.</param>
/// <param name="MedianOverrun">
/// Median of chair time − (pre-cooling target + the session's infusion + post-cooling target + the
/// planned warm-up) over the completed sessions; null when none.
/// </param>
public sealed record RegimenTiming(
    string Regimen,
    int Sessions,
    TimeSpan? MeanPreCooling,
    TimeSpan? MeanPreCoolingTarget,
    TimeSpan? MeanPostCooling,
    TimeSpan? MeanPostCoolingTarget,
    int ChairSessions,
    TimeSpan? MeanChairTime,
    TimeSpan? MedianChairTime,
    TimeSpan? MedianOverrun);
