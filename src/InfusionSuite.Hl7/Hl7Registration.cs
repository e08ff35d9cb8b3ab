using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Delivery;
using InfusionSuite.Hl7.Messages;
using InfusionSuite.Hl7.Outbox;
using InfusionSuite.Hl7.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Hl7;

/// <summary>The HL7 v2 adapter's one registration method.</summary>
public static class Hl7Registration
{
    /// <summary>
    /// Adds HL7 v2 delivery as an outbox channel: the <see cref="ISessionEndParticipant"/> that returns
    /// a session's ORU^R01 and DFT^P03 messages as outbox items (written in the transaction that stores
    /// the end, the void or the change), the encoder (<see cref="SessionMessages"/>, timestamps in the
    /// site's time zone from <see cref="BillingPolicy"/>), the transport the <c>Hl7</c> options choose
    /// (MLLP or file drop), the <see cref="Hl7Dispatcher"/> and the messages' readable lines (<see cref="Hl7MessageSummary"/>), with the options bound from <c>Hl7</c>
    /// and validated at start. Nothing is made or sent unless <c>Hl7:Enabled</c>. Needs an outbox
    /// (<c>AddStorage()</c>) and the billing policy (<c>AddIngest()</c>).
    /// </summary>
    public static IHostApplicationBuilder AddHl7Delivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Application.Hosting.IoTime.System); // retry waits are real time, whatever the host's clock
        services.AddOptions<Hl7Options>().BindConfiguration(Hl7Options.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Hl7Options>, Hl7OptionsValidator>());
        services.TryAddSingleton(sp => new SessionMessages(
            sp.GetRequiredService<IOptions<Hl7Options>>().Value,
            sp.GetRequiredService<BillingPolicy>().SiteTimeZone,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IHl7Transport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<Hl7Options>>().Value;
            return options.Transport == Hl7TransportMode.File ? new FileDropTransport(options) : new MllpTransport(options);
        });
        services.TryAddSingleton<SessionBillingQuery>();
        services.TryAddSingleton<Hl7SessionContextReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISessionEndParticipant, Hl7OutboxParticipant>());
        services.TryAddSingleton(sp => new OutcomeMessages(
            sp.GetRequiredService<SessionMessages>(), sp.GetRequiredService<IOptions<Hl7Options>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Application.Courses.ICourseOutcomeParticipant, Hl7CourseOutcomeParticipant>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxPayloadSummary, Hl7MessageSummary>());
        services.TryAddSingleton<Hl7Dispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Hl7Dispatcher>());
        return builder;
    }
}
