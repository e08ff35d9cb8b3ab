namespace InfusionSuite.Web.Accounts;

/// <summary>Role names in claims, and the authorization policies built on them.</summary>
internal static class StaffRoles
{
    public const string Nurse = "nurse";
    public const string Engineer = "engineer";
    public const string Admin = "admin";

    /// <summary>Runs sessions (start, stop, document): nurses.</summary>
    public const string RunSessionsPolicy = "run-sessions";

    /// <summary>Sees patient names and references: nurses and admins.</summary>
    public const string PatientDataPolicy = "patient-data";

    /// <summary>Sees devices and telemetry: every role.</summary>
    public const string DevicesPolicy = "devices";

    /// <summary>Manages users and reads the audit: admins.</summary>
    public const string AdminPolicy = "admin";
}
