using InfusionSuite.Application.Nursing;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;

namespace InfusionSuite.Application.Tests;

/// <summary>The one check of a start (issue 12): the primary code is checked for form only, the course is never derived from the preset, the preset is not needed with both targets.</summary>
public sealed class StartSessionValidationTests
{
    [Theory]
    [InlineData("96360")]
    [InlineData("99213")]
    [InlineData("0663T")]
    [InlineData("J9267")]
    public void AnyWellFormedPrimaryCode_IsAccepted_PairingIsBillingsDecision(string code)
    {
        var check = Check(Input() with { PrimaryCptCode = code });

        Assert.Empty(check.Errors);
        Assert.Equal(code, check.Request!.Administration.PrimaryCptCode);
    }

    [Theory]
    [InlineData("9636")]
    [InlineData("96-60")]
    [InlineData("963600")]
    public void MalformedPrimaryCode_IsAFieldError(string code) =>
        Assert.Equal("primaryCptCode", Assert.Single(Check(Input() with { PrimaryCptCode = code }).Errors).Field);

    [Fact]
    public void NoCourseGiven_TheRequestNamesNone_WhateverThePreset()
    {
        var standard = Check(Input()).Request!;
        var thickHair = Check(Input() with { RegimenPreset = SessionPolicy.Default.Presets[1].Name }).Request!;

        Assert.Equal((string.Empty, string.Empty), (standard.CourseId, thickHair.CourseId));
        Assert.Equal("plan-77", Check(Input() with { CourseId = " plan-77 " }).Request!.CourseId);
    }

    [Fact]
    public void BothTargetsGiven_NoPresetNeeded_OneTargetAloneStillNeedsOne()
    {
        var custom = Check(Input() with { RegimenPreset = null, PreCoolingMinutes = 45, PostCoolingMinutes = 60 });
        var half = Check(Input() with { RegimenPreset = null, PreCoolingMinutes = 45 });

        Assert.Empty(custom.Errors);
        Assert.Equal((null, RegimenTargets.FromMinutes(45, 60)), (custom.Request!.RegimenPreset, custom.Request.Targets));
        Assert.Equal("regimenPreset", Assert.Single(half.Errors).Field);
    }

    private static StartSessionCheck Check(StartSessionInput input) =>
        StartSessionValidation.Check(input, "nurse-1", SessionPolicy.Default, BillingPolicy.Default);

    private static StartSessionInput Input() => new(
        "CHAIR-01", "MRN-1", "Ana Rivera", "ma-1", "96413", SessionPolicy.Default.Presets[0].Name,
        null, null, null, FirstOfCourse: false, CourseId: null, EffectiveAt: null, SessionId: null, Encounter: null);
}
