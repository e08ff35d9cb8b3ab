namespace InfusionSuite.Application.Nursing;

/// <summary>
/// What a start may ask the nurse to confirm (<see cref="NurseActionOutcome.NeedsConfirmation"/>), by the request
/// field that confirms it: <see cref="NurseActionResult.Field"/> names one of these.
/// </summary>
public static class StartConfirmations
{
    /// <summary>The chair's controller has never been heard from and the chair is not configured (a mistyped id?).</summary>
    public const string UnheardController = "confirmUnheardController";

    /// <summary>Another session is running for the patient, or the name differs from the one on file.</summary>
    public const string Identity = "identityConfirmed";
}
