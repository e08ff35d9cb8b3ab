namespace InfusionSuite.Application.Staff;

/// <summary>One row of the append-only staff audit: account changes, tokens and lockouts (never a password or token).</summary>
/// <param name="Actor">Who did it: a user id, <c>command-line (os-user)</c> for the command line, or <c>sign-in check</c> for a lockout after failed sign-ins.</param>
/// <param name="Subject">The user name it concerns.</param>
public sealed record StaffAuditEntry(DateTimeOffset At, string Actor, string Action, string Subject, string Detail);
