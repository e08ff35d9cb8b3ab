namespace InfusionSuite.Host.Delivery;

/// <summary>What the <c>outbox</c> command does with a parked item.</summary>
internal enum ParkedItemAction
{
    Retry,
    HandledOutside,
}
