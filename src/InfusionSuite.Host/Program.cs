using InfusionSuite.Application;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Host.Health;
using InfusionSuite.Storage;
using InfusionSuite.Web;

if (await InfusionSuite.Host.Delivery.BundleExportCommand.TryRunAsync(args)) return 0; // export-bundles --out FILE: NDJSON, no worker

var builder = WebApplication.CreateBuilder(args);

builder.AddControllerLinks(ControllerQueueConsumer.Registered); // serial + MQTT → bounded queue
builder.AddStorage();                                             // SQLite, migrations at start
builder.AddIngest();                                              // ordered writer, nurse actions, board, session clock, metrics
builder.AddWorkerHealth();                                        // database, links, writer
builder.AddEhrDelivery();                                         // FHIR outbox in the end's transaction, dispatcher to the EHR
builder.AddNurseStation();                                        // board, session pages, REST API + OpenAPI, sign-in, tokens

var app = builder.Build();
app.MapWorkerHealth();                                            // /health/live, /health/ready
app.MapNurseStation();                                            // /, /sessions/{id}, /api, /openapi/v1.json, /signin
return await app.RunNurseStationAsync(args);                      // or the admin command: users add|disable|enable|token|list

/// <summary>The worker's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
