using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Storage.Sqlite;

/// <summary>
/// Which stored sessions belong to their course, in SQL over <c>sessions s</c>: the rule of
/// <see cref="ScalpCoolingSessionRecord.InPatientsCourse"/> (a session voided as the wrong patient's is no patient's).
/// </summary>
internal static class CourseMembership
{
    public static readonly string InCourse = $"(s.void_reason IS NULL OR s.void_reason <> {(int)VoidReason.WrongPatient})";
}
