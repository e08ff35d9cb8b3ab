using InfusionSuite.Application;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Host.Health;
using InfusionSuite.Storage;
using InfusionSuite.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddControllerLinks(ControllerQueueConsumer.Registered); // serial + MQTT → bounded queue
builder.AddStorage();                                             // SQLite, migrations at start
builder.AddIngest();                                              // ordered writer, nurse actions, board, session clock, metrics
builder.AddWorkerHealth();                                        // database, links, writer
builder.AddNurseStation();                                        // board, session pages, REST API + OpenAPI, sign-in, tokens

var app = builder.Build();
app.MapWorkerHealth();                                            // /health/live, /health/ready
app.MapNurseStation();                                            // /, /sessions/{id}, /api, /openapi/v1.json, /signin
return await app.RunNurseStationAsync(args);                      // or the admin command: users add|disable|enable|token|list

/// <summary>The worker's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
