using InfusionSuite.Fhir.Authentication;
using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Outbox;
using InfusionSuite.Fhir.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Fhir;

/// <summary>The FHIR adapter's one registration method.</summary>
public static class FhirDeliveryServiceCollectionExtensions
{
    public const string TokenHttpClientName = "InfusionSuite.Fhir.SmartToken";

    /// <summary>
    /// Registers the mapper, the outbox item factory, the validator, the EHR transport (resilience
    /// pipeline and authentication) and the dispatcher, with options bound from <c>Fhir:Mapping</c>
    /// and <c>Fhir:Delivery</c> and validated at start. The host registers an <see cref="IFhirOutbox"/>
    /// (storage) before or after.
    /// </summary>
    public static IServiceCollection AddFhirDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<FhirMappingOptions>().BindConfiguration(FhirMappingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FhirDeliveryOptions>().BindConfiguration(FhirDeliveryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FhirDeliveryOptions>, FhirDeliveryOptionsValidator>();

        services.AddSingleton(sp => new SessionBundleMapper(sp.GetRequiredService<IOptions<FhirMappingOptions>>().Value));
        services.AddSingleton<FhirOutboxItems>();
        services.AddSingleton<FhirResourceValidator>();
        services.AddSingleton<IEhrAccessTokenSource>(CreateTokenSource);
        services.AddTransient<EhrAuthenticationHandler>();
        services.AddHttpClient(TokenHttpClientName);
        var ehrClient = services.AddHttpClient(FhirClientTransport.HttpClientName);
        ehrClient.AddResilienceHandler("fhir-delivery", (builder, context) => DeliveryResilience.Configure(
                builder,
                context.ServiceProvider.GetRequiredService<IOptions<FhirDeliveryOptions>>().Value,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        ehrClient.AddHttpMessageHandler<EhrAuthenticationHandler>();
        services.AddSingleton<IFhirBundleTransport, FhirClientTransport>();
        services.AddSingleton<FhirDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<FhirDispatcher>());
        return services;
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
                services.GetRequiredService<TimeProvider>()),
            _ => new NoEhrAccessToken(),
        };
    }
}
