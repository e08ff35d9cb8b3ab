using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Fhir.Authentication;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Shapes;
using InfusionSuite.Fhir.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;

namespace InfusionSuite.Fhir;

/// <summary>The FHIR adapter's one registration method.</summary>
public static class EhrDeliveryRegistration
{
    public const string TokenHttpClientName = "InfusionSuite.Fhir.SmartToken";

    /// <summary>
    /// Adds delivery to the EHR: the <see cref="ISessionEndParticipant"/> that returns each ended or voided
    /// session's transaction Bundle as an outbox item (the store writes it in the transaction that stores
    /// the end), the mapper, the validator, the EHR transport (resilience pipeline and authentication),
    /// the dispatcher over the application's <see cref="IOutbox"/> and <see cref="IOutboxDelivery"/>, with
    /// options bound from <c>Fhir:Mapping</c> and <c>Fhir:Delivery</c> and validated at start. With no
    /// <c>Fhir:Delivery:BaseUrl</c> the dispatcher sends nothing and the Bundles are kept. Needs an
    /// <see cref="IOutbox"/> (e.g. <c>AddStorage()</c>) and the billing policy (<c>AddIngest()</c>).
    /// </summary>
    public static IHostApplicationBuilder AddEhrDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(IoTime.System); // requests, their time-outs and retries wait in real time, whatever the host's clock
        services.AddOptions<FhirMappingOptions>().BindConfiguration(FhirMappingOptions.SectionName)
            .PostConfigure(o =>
            {
                if (o.Site is { Length: > 0 } site && o.DeviceIdentifierSystem == FhirMappingOptions.DefaultDeviceIdentifierSystem)
                {
                    o.DeviceIdentifierSystem = FhirMappingOptions.DeviceSystemOf(site);
                }
            })
            .Validate<IConfiguration>(
                (o, configuration) => string.IsNullOrEmpty(configuration[FhirDeliveryOptions.SectionName + ":" + nameof(FhirDeliveryOptions.BaseUrl)])
                    || o.Site is { Length: > 0 }
                    || !string.IsNullOrEmpty(configuration[FhirMappingOptions.SectionName + ":" + nameof(FhirMappingOptions.DeviceIdentifierSystem)]),
                "Fhir:Mapping:Site is required with an EHR (Fhir:Delivery:BaseUrl): each site's chairs get their own Device "
                + "identifier system (urn:infusionsuite:controller:{site}), so two sites sharing the EHR never share a CHAIR-01. "
                + "Set the site's name, or the system itself (Fhir:Mapping:DeviceIdentifierSystem).")
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FhirDeliveryOptions>().BindConfiguration(FhirDeliveryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FhirDeliveryOptions>, FhirDeliveryOptionsValidator>();

        services.AddSingleton(sp => new SessionBundleMapper(sp.GetRequiredService<IOptions<FhirMappingOptions>>().Value, sp.GetService<BillingPolicy>() ?? BillingPolicy.Default));
        services.AddSingleton<FhirOutboxItems>();
        services.TryAddSingleton<SessionBillingQuery>();
        services.AddSingleton<SessionFhirContextReader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISessionEndParticipant, FhirOutboxParticipant>());
        Outcomes.CourseOutcomeRegistration.AddFhirCourseOutcomes(services);
        services.AddSingleton<FhirResourceValidator>();
        services.AddSingleton<IEhrAccessTokenSource>(CreateTokenSource);
        services.AddTransient<EhrAuthenticationHandler>();
        services.AddHttpClient(TokenHttpClientName);
        var ehrClient = services.AddHttpClient(FhirClientTransport.HttpClientName);
        ehrClient.AddResilienceHandler("fhir-delivery", (pipeline, context) => DeliveryResilience.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<FhirDeliveryOptions>>().Value,
                context.ServiceProvider.GetRequiredService<IoTime>().Real));
        ehrClient.AddHttpMessageHandler<EhrAuthenticationHandler>();
        var sendOnce = services.AddHttpClient(EhrRestClient.SendOnceClientName);
        sendOnce.AddResilienceHandler("fhir-send-once", (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<IoTime>().Real;
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<FhirDeliveryOptions>>().Value.AttemptTimeout);
        });
        sendOnce.AddHttpMessageHandler<EhrAuthenticationHandler>();
        services.AddSingleton<IFhirBundleTransport, FhirClientTransport>();
        services.AddSingleton<EhrRestClient>();
        services.AddSingleton<EhrCapabilityReader>();
        services.AddSingleton<ReferenceResolver>();
        services.AddSingleton<TransactionReferences>();
        services.TryAddSingleton<Application.Ehr.IEhrPatientLookup, Lookup.EhrPatientSearch>();
        services.AddSingleton<IFhirResourceDelivery, IndividualDelivery>();
        services.AddSingleton<EhrCapabilityCheck>();
        services.AddHostedService(sp => sp.GetRequiredService<EhrCapabilityCheck>());
        services.AddSingleton<Application.Hosting.IStartupCheck>(sp => sp.GetRequiredService<EhrCapabilityCheck>());
        services.TryAddSingleton<IOutboxDelivery, FhirOutboxDelivery>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxPayloadSummary, FhirBundleSummary>());
        services.AddSingleton<FhirDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<FhirDispatcher>());
        return builder;
    }

    private static IEhrAccessTokenSource CreateTokenSource(IServiceProvider services)
    {
        var auth = services.GetRequiredService<IOptions<FhirDeliveryOptions>>().Value.Authentication;
        return auth.Mode switch
        {
            EhrAuthenticationMode.StaticBearer => new StaticBearerToken(auth.BearerToken!),
            EhrAuthenticationMode.SmartBackendServices => new SmartBackendServicesToken(
                services.GetRequiredService<IHttpClientFactory>().CreateClient(TokenHttpClientName),
                auth,
                SmartSigningKey.Load(auth),
                services.GetRequiredService<IoTime>().Real), // the token's times are the authorization server's: real time
            _ => new NoEhrAccessToken(),
        };
    }
}
