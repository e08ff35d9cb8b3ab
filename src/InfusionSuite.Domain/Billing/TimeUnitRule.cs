namespace InfusionSuite.Domain.Billing;

/// <summary>How measured minutes become time units.</summary>
public enum TimeUnitRule : byte
{
    /// <summary>CPT's rule: a unit is reached when its midpoint is passed (30-minute units: 16–45 min → 1, 46–75 → 2 …).</summary>
    Midpoint,

    /// <summary>Only whole units count (some payers): 30–59 min → 1.</summary>
    WholeUnits,
}
