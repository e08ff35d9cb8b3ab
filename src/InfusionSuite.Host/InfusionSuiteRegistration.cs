using InfusionSuite.Application;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Ports;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Devices.Liveness;
using InfusionSuite.Fhir;
using InfusionSuite.Hl7;
using InfusionSuite.Host.Health;
using InfusionSuite.Host.Operations;
using InfusionSuite.Storage;
using InfusionSuite.Web;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Host;

/// <summary>The worker's parts, wired the same way for the production host, its commands and the demo host.</summary>
public static class InfusionSuiteRegistration
{
    /// <summary>Adds every part of the worker, in order.</summary>
    public static WebApplicationBuilder AddInfusionSuite(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOperations();                                          // systemd / Windows service, OpenTelemetry metrics, /metrics
        builder.AddReverseProxy();                                        // forwarded headers from configured proxies only, HSTS
        builder.AddControllerLinks(ControllerQueueConsumer.Registered); // serial + MQTT → bounded queue
        builder.AddStorage();                                             // SQLite or PostgreSQL, migrations at start, site leases
        builder.Services.AddSingleton<IValidateOptions<SiteLeaseOptions>, SiteOwnershipValidator>(); // MQTT sites = owned sites
        builder.Services.AddSingleton<IControllerPresence>(sp => new NodesPresence(                   // heard here + what the owners report
            sp.GetRequiredService<ControllerPresence>(), sp.GetRequiredService<IOwnersPresence>()));
        builder.AddIngest();                                              // ordered writer, nurse actions, board, session clock, metrics
        builder.AddWorkerHealth();                                        // database, links, writer
        builder.AddEhrDelivery();                                         // FHIR outbox in the end's transaction, dispatcher to the EHR
        builder.AddHl7Delivery();                                         // HL7 v2 ORU/DFT outbox and MLLP/file dispatcher when Hl7:Enabled
        builder.AddNurseStation();                                        // board, session pages, REST API + OpenAPI, sign-in, tokens
        builder.Services.AddSingleton<Application.Hosting.IExclusiveClaim, ListeningPortsClaim>(); // its ports free, checked before anything stored changes
        return builder;
    }

    /// <summary>Maps the worker's endpoints.</summary>
    public static WebApplication MapInfusionSuite(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseReverseProxy();                                            // first: scheme and client as the trusted proxy says
        app.MapWorkerHealth();                                            // /health/live, /health/ready
        app.MapNurseStation();                                            // /, /sessions/{id}, /api, /openapi/v1.json, /signin
        return app;
    }
}
