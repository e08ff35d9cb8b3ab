using InfusionSuite.Application;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Fhir;
using InfusionSuite.Host.Demo;
using InfusionSuite.Host.Health;
using InfusionSuite.Host.Operations;
using InfusionSuite.Storage;
using InfusionSuite.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddDemoMode(args);                                        // --demo: embedded broker, six simulated chairs, scaled clock
builder.AddOperations();                                          // systemd / Windows service, OpenTelemetry metrics, /metrics
builder.AddControllerLinks(ControllerQueueConsumer.Registered); // serial + MQTT → bounded queue
builder.AddStorage();                                             // SQLite, migrations at start
builder.AddIngest();                                              // ordered writer, nurse actions, board, session clock, metrics
builder.AddWorkerHealth();                                        // database, links, writer
builder.AddEhrDelivery();                                         // FHIR outbox in the end's transaction, dispatcher to the EHR
builder.AddNurseStation();                                        // board, session pages, REST API + OpenAPI, sign-in, tokens

var app = builder.Build();
app.MapWorkerHealth();                                            // /health/live, /health/ready
app.MapNurseStation();                                            // /, /sessions/{id}, /api, /openapi/v1.json, /signin
return await app.RunOrCommandAsync(args);                         // serve; or a command: users, backup, export-bundles, settings-doc

/// <summary>The worker's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
