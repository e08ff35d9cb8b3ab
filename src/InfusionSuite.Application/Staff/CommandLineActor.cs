namespace InfusionSuite.Application.Staff;

/// <summary>
/// Who a staff action taken on the command line (the <c>users</c> and <c>outbox</c> commands) is audited as:
/// <c>command-line (os-user)</c>, the operating-system user who ran it.
/// </summary>
public static class CommandLineActor
{
    public static string Name => $"command-line ({Environment.UserName})";
}
