using InfusionSuite.Host.Commands;

// serve (the default): the worker and the nurse station (InfusionSuiteRegistration: links, storage, ingest, health, EHR delivery, station);
// or a command: users, backup, export-bundles, settings-doc. --help on each; host settings anywhere on the line.
return await HostCommandLine.InvokeAsync(args);

/// <summary>The worker's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
