using Microsoft.Extensions.Logging;

namespace InfusionSuite.Fhir.Shapes;

/// <summary>Log lines of the delivery shapes: settings and statuses, never patient data.</summary>
internal static partial class ShapeLog
{
    [LoggerMessage(20, LogLevel.Information, "The EHR's CapabilityStatement allows the {Shape} delivery shape.")]
    public static partial void Checked(ILogger logger, string shape);

    [LoggerMessage(21, LogLevel.Warning, "The EHR's CapabilityStatement could not be checked at start for the {Shape} shape ({Problem}); delivery reads it again before sending.")]
    public static partial void NotChecked(ILogger logger, string shape, string problem);

    [LoggerMessage(22, LogLevel.Warning, "{Warning}")]
    public static partial void ChargesGoNowhere(ILogger logger, string warning);
}
