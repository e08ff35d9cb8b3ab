namespace InfusionSuite.Application.Courses;

/// <summary>The outbox key of a course's outcome items (<c>course:{course id}</c>), apart from its sessions' keys.</summary>
public static class OutcomeKeys
{
    public static string Of(string courseId) => "course:" + courseId;
}
