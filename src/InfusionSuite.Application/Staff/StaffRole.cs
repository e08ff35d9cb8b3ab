namespace InfusionSuite.Application.Staff;

/// <summary>What a signed-in user may do: nurses run sessions and see patients, engineers see devices and telemetry only, admins manage users and read the audit.</summary>
public enum StaffRole : byte
{
    Nurse,
    Engineer,
    Admin,
}
