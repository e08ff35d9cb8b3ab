using Microsoft.Extensions.Logging;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>The FHIR dispatcher's own log lines (the outbox's are the dispatch's): what it waits for, never patient data.</summary>
internal static partial class FhirDeliveryLog
{
    [LoggerMessage(30, LogLevel.Information, "Loading the FHIR R4 definitions to validate each Bundle before its first send (seconds; longer on a busy machine); items wait for them.")]
    public static partial void ValidatorLoading(ILogger logger);

    [LoggerMessage(31, LogLevel.Information, "The FHIR R4 definitions are loaded ({Seconds} s): Bundles are validated and sent as they come.")]
    public static partial void ValidatorLoaded(ILogger logger, double seconds);

    [LoggerMessage(32, LogLevel.Warning, "The FHIR R4 definitions could not be loaded ({ExceptionType}); the first validation tries again.")]
    public static partial void ValidatorNotLoaded(ILogger logger, string exceptionType);

    [LoggerMessage(33, LogLevel.Information, "FHIR outbox item {ItemId} waits for the FHIR R4 definitions to load before it is validated and sent.")]
    public static partial void WaitingForValidator(ILogger logger, Guid itemId);
}
