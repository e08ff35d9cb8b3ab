using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;

namespace InfusionSuite.Domain.Tests;

/// <summary>A session in each status a chair shows, by name (the status, and how it got there when there are two ways).</summary>
internal static class SessionsInEveryStatus
{
    public static IReadOnlyDictionary<string, Func<SessionScenario>> All { get; } = new Dictionary<string, Func<SessionScenario>>(StringComparer.Ordinal)
    {
        ["Started"] = () => Run(c => c.Start()),
        ["Fitting"] = () => Run(c =>
        {
            c.Start();
            c.Event(ControllerEventKind.CapOn);
        }),
        ["PreCooling"] = () => Run(c => c.RunToPreCooling()),
        ["PreCooling (placed by the nurse)"] = () => Run(c =>
        {
            c.Start();
            c.Minutes(2);
            c.PlaceCap();
        }),
        ["Infusing"] = () => Run(c => c.RunToInfusing()),
        ["PostCooling"] = () => Run(c => c.RunToPostCooling()),
        ["WarmingUp"] = () => Run(c =>
        {
            c.RunToPostCooling();
            c.Minutes(90);
            c.Event(ControllerEventKind.CoolingStop);
        }),
        ["Completed"] = () => Run(c => c.RunCompleteSession()),
        ["Aborted"] = () => Run(c =>
        {
            c.RunToInfusing();
            c.Minutes(5);
            c.Abort();
        }),
        ["Voided"] = () => Run(c =>
        {
            c.RunToInfusing();
            c.Nurse(now => new VoidSession(now, SessionScenario.NurseId, VoidReason.WrongPatient));
        }),
    };

    private static SessionScenario Run(Action<SessionScenario> steps)
    {
        var chair = new SessionScenario();
        steps(chair);
        return chair;
    }
}
