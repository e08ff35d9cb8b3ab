namespace InfusionSuite.Storage.Schema;

/// <summary>A local staff account; the password only as ASP.NET Core Identity's hash.</summary>
public sealed class UserRow
{
    public int UserKey { get; set; }

    /// <summary>Stable opaque id (the nurse id in sessions and the audit).</summary>
    public required string UserId { get; set; }

    /// <summary>Lower case, unique.</summary>
    public required string UserName { get; set; }

    public required string DisplayName { get; set; }

    /// <summary><see cref="Application.Staff.StaffRole"/> as a number.</summary>
    public int Role { get; set; }

    public required string PasswordHash { get; set; }

    public int FailedSignIns { get; set; }

    /// <summary>UTC milliseconds since the Unix epoch; null when not locked.</summary>
    public long? LockedUntilMs { get; set; }

    public bool Disabled { get; set; }

    public string? PractitionerId { get; set; }

    public long CreatedAtMs { get; set; }
}
