namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// A state change at <see cref="AtMs"/> (ms from power-on); at the same instant, lower <see cref="Priority"/> first, then <see cref="Order"/>.
/// With <see cref="Waits"/> it is a hold: the actions after it wait until the nurse has done that step.
/// </summary>
internal readonly record struct ScheduledAction(long AtMs, int Priority, int Order, Action<long> Apply, FollowStep? Waits = null);
