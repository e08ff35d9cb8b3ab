namespace InfusionSuite.Domain.Controllers;

/// <summary>CCP/1's form of a controllerId: 1–32 of <c>A-Z a-z 0-9 - _</c> (the links refuse any other on the wire).</summary>
public static class ControllerIdForm
{
    public const int MaxLength = 32;

    public const string Rule = "A controller id is 1–32 letters, digits, '-' or '_' (CCP/1).";

    public static bool IsValid(string? controllerId) =>
        controllerId is { Length: > 0 and <= MaxLength } && controllerId.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');
}
