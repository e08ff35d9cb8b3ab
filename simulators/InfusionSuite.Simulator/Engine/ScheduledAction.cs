namespace InfusionSuite.Simulator.Engine;

/// <summary>A state change at <see cref="AtMs"/> (ms from power-on); at the same instant, lower <see cref="Priority"/> first, then <see cref="Order"/>.</summary>
internal readonly record struct ScheduledAction(long AtMs, int Priority, int Order, Action<long> Apply);
