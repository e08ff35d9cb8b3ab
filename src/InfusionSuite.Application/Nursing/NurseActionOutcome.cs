namespace InfusionSuite.Application.Nursing;

/// <summary>What became of a nurse action. The web layer maps these to HTTP statuses.</summary>
public enum NurseActionOutcome
{
    /// <summary>Validated by the domain and stored (input log and audit) before the call returned.</summary>
    Accepted,

    /// <summary>The identical entry was already stored; nothing changed.</summary>
    Duplicate,

    /// <summary>The domain refused it (<see cref="NurseActionResult.Reason"/>); nothing stored. 409 or 400.</summary>
    Refused,

    /// <summary>No session has this id. 404.</summary>
    SessionNotFound,

    /// <summary>Another session is still running on the chair's controller. 409.</summary>
    ControllerInUse,

    /// <summary>The request itself is incomplete (missing id, unknown preset). 400.</summary>
    InvalidRequest,

    /// <summary>
    /// The start needs the nurse's confirmation, named by <see cref="NurseActionResult.Field"/>: the chair's
    /// controller has never been heard from and is not configured (<c>confirmUnheardController</c>), or the
    /// patient's identity (another session is running for the same patient, or the name differs from the one
    /// on file: <c>identityConfirmed</c>); nothing stored. 409; sent again with the confirmation it starts,
    /// and the confirmation is audited.
    /// </summary>
    NeedsConfirmation,
}
