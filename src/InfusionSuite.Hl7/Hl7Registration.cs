using InfusionSuite.Domain.Billing;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;
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
    /// Registers the ORU^R01 / DFT^P03 encoder (<see cref="SessionMessages"/>, timestamps in the
    /// site's time zone from <see cref="BillingPolicy"/>) and the transport the <c>Hl7</c> options
    /// choose (MLLP or file drop), with the options bound from <c>Hl7</c> and validated at start.
    /// </summary>
    public static IHostApplicationBuilder AddHl7Delivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
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
        return builder;
    }
}
