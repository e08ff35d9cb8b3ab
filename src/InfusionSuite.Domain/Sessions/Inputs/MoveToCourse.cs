namespace InfusionSuite.Domain.Sessions.Inputs;

/// <summary>
/// Staff move the session to another course of its patient (a course merged or split, a session filed
/// in the wrong course), also after its end: billing is decided again over both courses and the
/// corrections are sent. The clinical record is unchanged.
/// </summary>
/// <param name="CourseId">The course the session belongs to from now on: one of the patient's, or a new one.</param>
public sealed record MoveToCourse(DateTimeOffset ReceivedAt, string NurseId, string CourseId)
    : NurseAction(ReceivedAt, NurseId, null)
{
    public override NurseActionKind Kind => NurseActionKind.CourseMove;
}
