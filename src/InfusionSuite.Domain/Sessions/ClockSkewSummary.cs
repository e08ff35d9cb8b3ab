namespace InfusionSuite.Domain.Sessions;

/// <summary>Device clock against server clock (server receipt minus device ts) over the session's messages.</summary>
/// <param name="Largest">The largest absolute difference seen.</param>
/// <param name="FlaggedMessages">Messages whose difference was over the policy's threshold.</param>
public sealed record ClockSkewSummary(TimeSpan Largest, int FlaggedMessages)
{
    public bool Flagged => FlaggedMessages > 0;
}
