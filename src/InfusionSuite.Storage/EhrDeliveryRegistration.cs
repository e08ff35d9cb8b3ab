using InfusionSuite.Application.Ports;
using InfusionSuite.Fhir;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Storage;

/// <summary>Wires FHIR delivery to the EHR onto SQLite storage.</summary>
public static class EhrDeliveryRegistration
{
    /// <summary>
    /// Adds the FHIR adapter (<c>AddFhirDelivery</c>: mapper, validator, transport, dispatcher; options
    /// <c>Fhir:Mapping</c> and <c>Fhir:Delivery</c> validated at start), the SQLite <see cref="IFhirOutbox"/>,
    /// and the <see cref="ISessionEndParticipant"/> that enqueues each ended or voided session's Bundle in
    /// the transaction that stores the end. With no <c>Fhir:Delivery:BaseUrl</c> the dispatcher sends
    /// nothing and the Bundles are kept. Call after <c>AddStorage()</c> and <c>AddIngest()</c> (billing policy).
    /// </summary>
    public static IHostApplicationBuilder AddEhrDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddFhirDelivery();
        services.TryAddSingleton<SqliteFhirOutbox>();
        services.TryAddSingleton<IFhirOutbox>(sp => sp.GetRequiredService<SqliteFhirOutbox>());
        services.TryAddSingleton<SessionFhirContextReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISessionEndParticipant, FhirOutboxParticipant>());
        return builder;
    }
}
