using InfusionSuite.Application.Controllers;

namespace InfusionSuite.Application.Tests;

/// <summary>The controller-side ports the Application needs from the links: presence and the duplicate count.</summary>
internal sealed class FakeControllerPorts : IControllerPresence, IDuplicateMessageCounter
{
    private int _duplicates;

    public int Duplicates => Volatile.Read(ref _duplicates);

    public IReadOnlyList<string> KnownControllers() => [];

    public bool IsOnline(string controllerId) => false;

    public void Duplicate(CcpTransport transport) => Interlocked.Increment(ref _duplicates);
}
