using InfusionSuite.Application;
using InfusionSuite.Devices;
using InfusionSuite.Devices.Links;
using InfusionSuite.Host.Demo;
using InfusionSuite.Host.Health;
using InfusionSuite.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddDemoMode(args);                                        // --demo: embedded broker, six simulated chairs, scaled clock
builder.AddControllerLinks(ControllerQueueConsumer.Registered); // serial + MQTT → bounded queue
builder.AddStorage();                                             // SQLite, migrations at start
builder.AddIngest();                                              // ordered writer, nurse actions, board, session clock, metrics
builder.AddWorkerHealth();                                        // database, links, writer

var app = builder.Build();
app.MapWorkerHealth();                                            // /health/live, /health/ready
app.Run();

/// <summary>The worker's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
