using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Web.Board;

/// <summary>A nurse action's name on the wire: the last segment of its route (<c>/api/sessions/{id}/{name}</c>) and what the pages render.</summary>
internal static class NurseActionNames
{
    public const string CapPlaced = "cap-placed";
    public const string InfusionStarted = "infusion-started";
    public const string InfusionEnded = "infusion-ended";
    public const string CapRemoved = "cap-removed";
    public const string Abort = "abort";
    public const string Void = "void";
    public const string Tolerance = "tolerance";
    public const string AdverseEvents = "adverse-events";
    public const string BillingDetails = "billing-details";
    public const string CourseMove = "course";

    public static string Of(NurseActionKind kind) => kind switch
    {
        NurseActionKind.CapPlaced => CapPlaced,
        NurseActionKind.InfusionStarted => InfusionStarted,
        NurseActionKind.InfusionEnded => InfusionEnded,
        NurseActionKind.CapRemoved => CapRemoved,
        NurseActionKind.Abort => Abort,
        NurseActionKind.Void => Void,
        NurseActionKind.Tolerance => Tolerance,
        NurseActionKind.AdverseEvent => AdverseEvents,
        NurseActionKind.BillingDetails => BillingDetails,
        NurseActionKind.CourseMove => CourseMove,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an action on a started session."),
    };
}
