namespace InfusionSuite.Application.Hosting;

/// <summary>
/// A check of the settings against the world that must pass before the service starts (e.g. the EHR can take the configured
/// delivery shape). <see cref="ServiceRun"/> runs every one before the host starts, so that a failure stops it with one line
/// (throw <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming the setting), never a start-up stack trace.
/// </summary>
public interface IStartupCheck
{
    Task CheckAsync(CancellationToken cancellationToken);
}
