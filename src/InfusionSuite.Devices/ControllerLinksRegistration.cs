using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ports;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Devices.Mqtt;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Devices.Serial;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Devices;

/// <summary>Registers the controller links, their message queue, liveness and metrics.</summary>
public static class ControllerLinksRegistration
{
    /// <summary>
    /// Adds the serial link (when <c>Controllers:Serial:Ports</c> lists ports), the MQTT link (when
    /// the <c>Controllers:Mqtt</c> section exists), liveness (<c>Controllers:Liveness</c>) as the Application's
    /// <see cref="IControllerPresence"/> and <see cref="IDuplicateMessageCounter"/>, the
    /// <see cref="ControllerMessageQueue"/> as <see cref="IControllerMessageSink"/> and, until the
    /// ingest worker stores messages, the <see cref="AcknowledgingMessagePump"/> that hands them to
    /// every registered <see cref="IControllerMessageHandler"/> and then acknowledges them.
    /// Every setting is validated when the host starts.
    /// </summary>
    public static IHostApplicationBuilder AddControllerLinks(this IHostApplicationBuilder builder) =>
        builder.AddControllerLinks(ControllerQueueConsumer.AcknowledgingPump);

    /// <summary>
    /// As <see cref="AddControllerLinks(IHostApplicationBuilder)"/>, choosing who reads the queue:
    /// with <see cref="ControllerQueueConsumer.Registered"/> no interim pump is added, and the caller
    /// registers the one consumer that acknowledges messages after storing them.
    /// </summary>
    public static IHostApplicationBuilder AddControllerLinks(this IHostApplicationBuilder builder, ControllerQueueConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<CcpMetrics>();
        services.TryAddSingleton<LinkMetrics>();
        services.TryAddSingleton<IDuplicateMessageCounter, DuplicateMessageCounter>();
        services.TryAddSingleton<ControllerPresence>();
        services.TryAddSingleton<IControllerPresence>(sp => sp.GetRequiredService<ControllerPresence>());
        services.TryAddSingleton(_ => new ControllerMessageQueue());
        services.TryAddSingleton<IControllerMessageSink>(sp => sp.GetRequiredService<ControllerMessageQueue>());
        if (consumer == ControllerQueueConsumer.AcknowledgingPump)
        {
            services.AddHostedService<AcknowledgingMessagePump>();
        }

        services.AddOptions<LivenessOptions>().BindConfiguration(LivenessOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<LivenessMonitor>();

        if (builder.Configuration.GetSection(SerialLinkOptions.SectionName).GetSection("Ports").GetChildren().Any())
        {
            services.AddOptions<SerialLinkOptions>().BindConfiguration(SerialLinkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SerialLinkOptions>, SerialLinkOptionsValidator>());
            services.TryAddSingleton<ISerialPortOpener, SystemSerialPortOpener>();
            services.TryAddSingleton<SerialFrameReaderFactory>();
            services.AddHostedService<SerialLinkService>();
        }

        if (builder.Configuration.GetSection(MqttLinkOptions.SectionName).Exists())
        {
            services.AddOptions<MqttLinkOptions>().BindConfiguration(MqttLinkOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttLinkOptions>, MqttLinkOptionsValidator>());
            services.TryAddTransient<IMqttClientAdapter, MqttNetClientAdapter>();
            services.TryAddSingleton<MqttMessageReceiver>();
            services.TryAddSingleton<IWriterLease, AlwaysHeldWriterLease>();
            services.AddHostedService<MqttLink>();
        }

        return builder;
    }
}
