using InfusionSuite.Web.Board;

namespace InfusionSuite.Web.Api;

/// <summary>A recent session in a list; <paramref name="Patient"/> null for engineers.</summary>
public sealed record ListingView(string SessionId, string ControllerId, string ChairLabel, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, PatientView? Patient);

/// <summary>A controller as engineers see it.</summary>
public sealed record ControllerView(string ControllerId, string ChairLabel, bool Online, string? Model, string? Firmware, DateTimeOffset? LastHelloAt, string? SessionId);

/// <summary>The signed-in user.</summary>
public sealed record MeView(string UserId, string UserName, string DisplayName, string Role, bool SeesPatients, bool RunsSessions, bool IsAdmin);

/// <summary>The whole audit for admins: nurse actions on sessions, course entries (not cooled, assessments) and account changes.</summary>
public sealed record AuditPageView(IReadOnlyList<Sessions.AuditView> NurseActions, IReadOnlyList<StaffAuditView> Accounts)
{
    public IReadOnlyList<Courses.CourseAuditView> CourseEntries { get; init; } = [];
}

public sealed record StaffAuditView(DateTimeOffset At, string By, string Action, string Subject, string Detail);
