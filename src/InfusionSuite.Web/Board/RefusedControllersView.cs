using InfusionSuite.Application.Ingest;

namespace InfusionSuite.Web.Board;

/// <summary>
/// For engineers and admins: controllers whose messages were refused since the start because they are
/// neither configured, stored before, nor under the auto-registration limit (<c>Ingest:AutoRegisteredControllerLimit</c>).
/// </summary>
/// <param name="Limit">How many new controllers may register themselves after a start.</param>
/// <param name="Messages">Messages refused since the start, from every refused id.</param>
/// <param name="Controllers">The refused ids, latest first (at most <see cref="ControllerAdmission.MostRefusedShown"/>).</param>
public sealed record RefusedControllersView(int Limit, long Messages, IReadOnlyList<RefusedController> Controllers)
{
    /// <summary>Null when nothing was refused.</summary>
    internal static RefusedControllersView? Of(ControllerAdmission admission) =>
        admission.RefusedMessages == 0 ? null : new RefusedControllersView(admission.Limit, admission.RefusedMessages, admission.Refused());
}
