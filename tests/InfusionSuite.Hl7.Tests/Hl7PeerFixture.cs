namespace InfusionSuite.Hl7.Tests;

/// <summary>One receiver answering AA (or AE/AR when a message asks for it) shared by a collection.</summary>
public sealed class Hl7PeerFixture : IAsyncLifetime
{
    internal Hl7Peer Peer { get; private set; } = null!;

    public async Task InitializeAsync() => Peer = await Hl7Peer.StartAsync();

    public async Task DisposeAsync() => await Peer.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class Hl7PeerCollection : ICollectionFixture<Hl7PeerFixture>
{
    public const string Name = "HL7 peer";
}
