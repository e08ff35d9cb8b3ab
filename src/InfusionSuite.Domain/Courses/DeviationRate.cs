using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Courses;

/// <summary>How many cooled sessions in a report had a deviation of one kind.</summary>
/// <param name="Name">The deviation's table name, e.g. <c>SHORT_POSTCOOL</c>.</param>
public sealed record DeviationRate(DeviationCode Code, string Name, int Sessions, int CooledSessions)
{
    /// <summary>Sessions with it / cooled sessions (0–1); null when no session was cooled.</summary>
    public double? Rate => CooledSessions == 0 ? null : (double)Sessions / CooledSessions;
}
