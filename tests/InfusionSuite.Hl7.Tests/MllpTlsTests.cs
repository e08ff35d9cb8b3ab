using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InfusionSuite.Hl7.Transport;

namespace InfusionSuite.Hl7.Tests;

/// <summary>MLLP inside TLS against a loopback listener with a self-signed certificate.</summary>
public sealed class MllpTlsTests
{
    [Fact(Timeout = 30_000)]
    public async Task TlsReceiverWithTheExpectedCertificate_AcknowledgesTheMessage()
    {
        using var certificate = SelfSigned();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var received = AnswerOneAsync(listener, certificate);
        var record = Hl7Sessions.Completed("tls-1");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record));
        var options = MllpPeerTests.Options(((IPEndPoint)listener.LocalEndpoint).Port);
        options.UseTls = true;
        options.TlsServerName = "localhost";
        var transport = new MllpTransport(options) { CertificateValidation = (_, cert, _, _) => cert?.GetCertHashString() == certificate.GetCertHashString() };

        var ack = await transport.SendAsync(message, CancellationToken.None);

        Assert.True(ack.Accepted);
        Assert.Equal(message.Text, await received);
    }

    [Fact(Timeout = 30_000)]
    public async Task TlsReceiverWithAnUntrustedCertificate_IsADeliveryFailure()
    {
        using var certificate = SelfSigned();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = AnswerOneAsync(listener, certificate);
        var record = Hl7Sessions.Completed("tls-2");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record));
        var options = MllpPeerTests.Options(((IPEndPoint)listener.LocalEndpoint).Port);
        options.UseTls = true;
        options.TlsServerName = "localhost";

        await Assert.ThrowsAsync<Hl7DeliveryException>(() => new MllpTransport(options).SendAsync(message, CancellationToken.None));
    }

    /// <summary>Accepts one TLS connection, reads one framed message and answers AA for its control id.</summary>
    private static async Task<string> AnswerOneAsync(TcpListener listener, X509Certificate2 certificate)
    {
        using var client = await listener.AcceptTcpClientAsync();
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(certificate);
        var message = await MllpFraming.ReadAsync(tls, CancellationToken.None);
        var controlId = message.Split('\r')[0].Split('|')[9];
        await tls.WriteAsync(MllpFraming.Frame($"MSH|^~\\&|EPIC|NORTH|INFUSIONSUITE|NORTH-ONC|20261127130001||ACK^R01^ACK|A1|P|2.5.1\rMSA|AA|{controlId}\r"));
        return message;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
