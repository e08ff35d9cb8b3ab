namespace InfusionSuite.Simulator.Engine;

/// <summary>Where a controller that follows the nurse waits, pre-chilling or cooling, until the nurse has done the step.</summary>
internal enum FollowStep
{
    /// <summary>Pre-chilling, no cap: waits for a session to be started on the chair.</summary>
    SessionStarted,

    /// <summary>Cooling: waits for the nurse's "infusion ended", then runs the post-cooling.</summary>
    InfusionEnded,
}
