using System.Net.Security;
using System.Net.Sockets;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Transport;

/// <summary>
/// MLLP over TCP, optionally inside TLS: one connection per message (connect, write the frame,
/// read the acknowledgement, close), with the connect and acknowledgement timeouts of the options.
/// </summary>
public sealed class MllpTransport(Hl7Options options) : IHl7Transport
{
    /// <summary>For tests with a self-signed certificate; null uses the machine's trust store.</summary>
    internal RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    public async Task<Hl7Acknowledgement> SendAsync(Hl7OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new TcpClient();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(options.ConnectTimeout);
            try
            {
                await client.ConnectAsync(options.Host!, options.Port, connect.Token).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new Hl7DeliveryException($"Could not connect to {options.Host}:{options.Port}: {e.SocketErrorCode}.", e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new Hl7DeliveryException($"No connection to {options.Host}:{options.Port} within {options.ConnectTimeout}.", e);
            }
        }

        using var exchange = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        exchange.CancelAfter(options.AckTimeout);
        try
        {
            await using var stream = await OpenAsync(client, exchange.Token).ConfigureAwait(false);
            await stream.WriteAsync(MllpFraming.Frame(message.Text), exchange.Token).ConfigureAwait(false);
            await stream.FlushAsync(exchange.Token).ConfigureAwait(false);
            var answer = await MllpFraming.ReadAsync(stream, exchange.Token).ConfigureAwait(false);
            return Hl7AckReader.Read(answer, message.ControlId);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Hl7DeliveryException($"No acknowledgement from {options.Host}:{options.Port} within {options.AckTimeout}.", e);
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            throw new Hl7DeliveryException($"The connection to {options.Host}:{options.Port} failed: {e.Message}", e);
        }
    }

    private async Task<Stream> OpenAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var network = client.GetStream();
        if (!options.UseTls)
        {
            return network;
        }

        var tls = new SslStream(network, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = options.TlsServerName ?? options.Host,
                RemoteCertificateValidationCallback = CertificateValidation,
            },
            cancellationToken).ConfigureAwait(false);
        return tls;
    }
}
