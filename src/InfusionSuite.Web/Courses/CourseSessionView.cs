using InfusionSuite.Web.Sessions;

namespace InfusionSuite.Web.Courses;

/// <summary>One session of a course: phase minutes (rounded down) against targets, and its deviations.</summary>
public sealed record CourseSessionView(
    string SessionId,
    DateTimeOffset StartedAt,
    string Status,
    bool Cooled,
    int? PreCoolingMinutes,
    int PreCoolingTargetMinutes,
    int? InfusionMinutes,
    int? PostCoolingMinutes,
    int PostCoolingTargetMinutes,
    int CoolingMinutes,
    int? ChairMinutes,
    IReadOnlyList<DeviationView> Deviations);
