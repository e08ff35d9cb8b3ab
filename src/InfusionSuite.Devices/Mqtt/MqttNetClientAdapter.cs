using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// <see cref="IMqttClientAdapter"/> over an MQTTnet 5 client (MQTT 5). QoS 1 messages are not
/// acknowledged when the handler returns; their <see cref="MessageAcknowledgement"/> sends the PUBACK
/// later, and only on the connection they came on (after a reconnect the broker redelivers them).
/// </summary>
internal sealed class MqttNetClientAdapter : IMqttClientAdapter
{
    private readonly IMqttClient _client;
    private int _connection;

    public MqttNetClientAdapter()
    {
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    public bool IsConnected => _client.IsConnected;

    public Func<MqttInboundMessage, CancellationToken, Task>? MessageReceived { get; set; }

    public async Task<MqttConnectOutcome> ConnectAsync(MqttLinkOptions options, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _connection);
        var result = await _client.ConnectAsync(BuildClientOptions(options), cancellationToken);
        return new MqttConnectOutcome(
            result.ResultCode == MqttClientConnectResultCode.Success,
            result.IsSessionPresent,
            result.ResultCode.ToString());
    }

    public async Task<bool> SubscribeAsync(IReadOnlyList<string> topicFilters, CancellationToken cancellationToken)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in topicFilters)
        {
            builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await _client.SubscribeAsync(builder.Build(), cancellationToken);
        return result.Items.All(item => item.ResultCode is MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS0);
    }

    public Task<bool> TryPingAsync(CancellationToken cancellationToken) => _client.TryPingAsync(cancellationToken);

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptions { Reason = MqttClientDisconnectOptionsReason.NormalDisconnection }, cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();

    internal static MqttClientOptions BuildClientOptions(MqttLinkOptions options)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithCleanStart(options.CleanStart)
            .WithSessionExpiryInterval(options.CleanStart ? 0 : (uint)options.SessionExpiry.TotalSeconds)
            .WithReceiveMaximum((ushort)options.ReceiveMaximum)
            .WithKeepAlivePeriod(options.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(options.Username))
        {
            builder.WithCredentials(options.Username, MqttCredentialFiles.Password(options));
        }

        if (options.UseTls)
        {
            var trust = MqttCredentialFiles.TrustChain(options);
            var client = MqttCredentialFiles.ClientCertificate(options);
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls(true);
                if (client is not null)
                {
                    tls.WithClientCertificates([client]);
                }

                if (options.AllowUntrustedCertificates)
                {
                    tls.WithAllowUntrustedCertificates(true)
                        .WithIgnoreCertificateChainErrors(true)
                        .WithCertificateValidationHandler(_ => true);
                }
                else if (trust is not null)
                {
                    tls.WithCertificateValidationHandler(context => BrokerCertificate.IsTrusted(context.Certificate, context.SslPolicyErrors, trust));
                }
            });
        }

        return builder.Build();
    }

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var handler = MessageReceived;
        if (handler is null)
        {
            return;
        }

        var acknowledgement = MessageAcknowledgement.None;
        if (e.ApplicationMessage.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
        {
            e.AutoAcknowledge = false;
            acknowledgement = new PublishAcknowledgement(this, e, Volatile.Read(ref _connection));
        }

        await handler(
            new MqttInboundMessage(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload, e.ApplicationMessage.Retain, acknowledgement),
            CancellationToken.None);
    }

    private sealed class PublishAcknowledgement(MqttNetClientAdapter owner, MqttApplicationMessageReceivedEventArgs args, int connection)
        : MessageAcknowledgement
    {
        public override async ValueTask AcknowledgeAsync(CancellationToken cancellationToken)
        {
            // A PUBACK on a later connection would carry a packet id the broker may have reused.
            if (connection != Volatile.Read(ref owner._connection) || !owner._client.IsConnected)
            {
                return;
            }

            try
            {
                await args.AcknowledgeAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is MQTTnet.Exceptions.MqttCommunicationException or ObjectDisposedException or InvalidOperationException)
            {
                // the connection dropped meanwhile: the broker delivers the message again
            }
        }
    }
}
