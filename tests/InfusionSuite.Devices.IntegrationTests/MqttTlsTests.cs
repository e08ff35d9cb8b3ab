using InfusionSuite.Devices.Mqtt;
using InfusionSuite.Testing;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices.IntegrationTests;

/// <summary>
/// The MQTT link against a real mosquitto that speaks TLS only, with certificates of a throwaway
/// authority: mutual TLS as hospital brokers require it, the site's own CA, secrets from files.
/// </summary>
public sealed class MqttTlsTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Long enough for several connect attempts (0.1–0.5 s apart) to have failed.</summary>
    private static readonly TimeSpan RefusedFor = TimeSpan.FromSeconds(3);

    private readonly TestCertificates _certificates = TestCertificates.Create();

    [Fact(Timeout = 30_000)]
    public async Task BrokerRequiresAClientCertificate_LinkWithItsCertificateConnectsAndSubscribes()
    {
        await using var broker = await MosquittoBroker.StartTlsAsync(_certificates, requireClientCertificate: true, Token());
        var settings = TlsSettings(broker.Port, _certificates.CaFile);
        settings["Controllers:Mqtt:ClientCertificateFile"] = _certificates.ClientCertificateFile;
        settings["Controllers:Mqtt:ClientKeyFile"] = _certificates.ClientKeyFile;

        await using var link = await LinkHost.StartAsync(settings);

        await Eventually.HoldsAsync(() => link.Presence.IsLinkUp("mqtt"), Wait, "the MQTT link to connect over mutual TLS");
        link.AssertHealthy();
    }

    [Fact(Timeout = 30_000)]
    public async Task BrokerRequiresAClientCertificate_LinkWithoutOneIsRefused()
    {
        await using var broker = await MosquittoBroker.StartTlsAsync(_certificates, requireClientCertificate: true, Token());

        await using var link = await LinkHost.StartAsync(TlsSettings(broker.Port, _certificates.CaFile));

        await Task.Delay(RefusedFor);
        Assert.False(link.Presence.IsLinkUp("mqtt"), "a link without a client certificate must not get in: " + broker.Output);
    }

    [Fact(Timeout = 30_000)]
    public async Task BrokerCertificateSignedByAnotherAuthority_IsNotTrusted()
    {
        await using var broker = await MosquittoBroker.StartTlsAsync(_certificates, requireClientCertificate: false, Token());

        await using var trusting = await LinkHost.StartAsync(TlsSettings(broker.Port, _certificates.CaFile));
        await Eventually.HoldsAsync(() => trusting.Presence.IsLinkUp("mqtt"), Wait, "the link that trusts the site's CA to connect");
        await using var other = await LinkHost.StartAsync(TlsSettings(broker.Port, _certificates.OtherCaFile, "links-other-ca"));

        await Task.Delay(RefusedFor);
        Assert.False(other.Presence.IsLinkUp("mqtt"), "a broker certificate from another authority must not be trusted");
    }

    [Theory(Timeout = 15_000)]
    [InlineData("ClientCertificateFile", "ClientKeyFile go together")]
    [InlineData("CaCertificateFile", "CaCertificateFile: cannot read")]
    public async Task IncompleteOrUnreadableCertificateSettings_StopTheHostNamingThem(string setting, string expected)
    {
        var settings = TlsSettings(FreePort.Next(), _certificates.CaFile);
        settings["Controllers:Mqtt:" + setting] = Path.Combine(_certificates.Directory, "missing.pem");

        using var host = LinkHost.Build(settings, new RecordingHandler());
        var failure = await Assert.ThrowsAnyAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, string.Join(" ", failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordFile_IsReadWithoutItsTrailingLineBreak_AndNotTogetherWithPassword()
    {
        var file = Path.Combine(_certificates.Directory, "mqtt-password");
        File.WriteAllText(file, "s3cret pass\n");
        var options = new MqttLinkOptions { Host = "broker", Username = "links", PasswordFile = file };

        Assert.Equal("s3cret pass", MqttCredentialFiles.Password(options));
        Assert.True(new MqttLinkOptionsValidator().Validate(null, options).Succeeded);
        options.Password = "other";
        Assert.Contains("Password and PasswordFile", new MqttLinkOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _certificates.Dispose();

    private static Dictionary<string, string?> TlsSettings(int port, string caFile, string clientId = "links-tls")
    {
        var settings = MqttLinkTests.Settings("127.0.0.1", port, clientId);
        settings["Controllers:Mqtt:UseTls"] = "true";
        settings["Controllers:Mqtt:CaCertificateFile"] = caFile;
        return settings;
    }

    private static CancellationToken Token() => new CancellationTokenSource(Wait).Token;
}
