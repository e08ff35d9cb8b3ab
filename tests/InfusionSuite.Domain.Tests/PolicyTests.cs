using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Domain.Tests;

/// <summary>Site settings: documented defaults, and bad settings named.</summary>
public sealed class PolicyTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var session = SessionPolicy.Default;
        var billing = BillingPolicy.Default;

        Assert.Empty(session.Problems());
        Assert.Equal((TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(180)), (session.MinimumTarget, session.MaximumTarget));
        Assert.Equal(TimeSpan.FromMinutes(5), session.InterruptionThreshold);
        Assert.Equal(20, session.SetpointTolerance.Tenths);
        Assert.Equal(TimeSpan.FromSeconds(5), session.ClockSkewThreshold);
        Assert.Equal(TimeSpan.FromHours(2), session.ControllerClockLimit);
        Assert.Equal(TimeSpan.FromMinutes(2), session.LateEntryThreshold);
        Assert.Equal(8, billing.MedicalReviewSessionThreshold);
        Assert.Equal(CalibrationScope.Course, billing.CalibrationScope);
        Assert.Equal(["96409", "96411", "96413", "96415", "96416", "96417"], billing.AllowedPrimaryCodes.Order(StringComparer.Ordinal));
        Assert.Contains(session.Presets, p => p.Targets == RegimenTargets.FromMinutes(30, 90));
    }

    [Fact]
    public void PresetOutsideTheRange_IsNamedAsAProblem()
    {
        var policy = SessionPolicy.Default with { Presets = [new RegimenPreset("Too short", RegimenTargets.FromMinutes(10, 90))] };

        Assert.Contains(policy.Problems(), p => p.StartsWith("Presets", StringComparison.Ordinal));
    }
}
