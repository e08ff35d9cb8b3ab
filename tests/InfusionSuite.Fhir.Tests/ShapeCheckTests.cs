using InfusionSuite.Fhir.Delivery;
using InfusionSuite.Fhir.Shapes;

namespace InfusionSuite.Fhir.Tests;

/// <summary>The start-up check of a delivery shape against published CapabilityStatements (copies in tests/fhir-server/capabilities).</summary>
public sealed class ShapeCheckTests
{
    [Fact]
    public void Epic_TakesTheIndividualShapeOnly()
    {
        var epic = Statement("epic-r4-capabilitystatement.json");

        Assert.Contains("declares no transaction interaction", ShapeCheck.Mismatch(FhirDeliveryShape.Transaction, epic, chargeItems: true), StringComparison.Ordinal);
        Assert.Null(ShapeCheck.Mismatch(FhirDeliveryShape.Individual, epic, chargeItems: true));
        Assert.Contains("no ChargeItem $create", ShapeCheck.Mismatch(FhirDeliveryShape.Millennium, epic, chargeItems: true), StringComparison.Ordinal);
        Assert.False(epic.Can("Device", "create"));
        Assert.True(epic.CanSearchBy("Procedure", "identifier"));
        Assert.False(epic.Can("ChargeItem", "create"));
    }

    [Fact]
    public void EpicWithoutHl7_ChargesGoNowhere_SaidNamingBothSettings()
    {
        var epic = Statement("epic-r4-capabilitystatement.json");
        var millennium = Statement("millennium-r4-capabilitystatement.json");

        var warning = ShapeCheck.ChargesGoNowhere(FhirDeliveryShape.Individual, epic, chargeItems: true, hl7Enabled: false);

        Assert.NotNull(warning);
        Assert.Contains("Hl7:Enabled", warning, StringComparison.Ordinal);
        Assert.Contains("Fhir:Mapping:ChargeItems", warning, StringComparison.Ordinal);
        Assert.Null(ShapeCheck.ChargesGoNowhere(FhirDeliveryShape.Individual, epic, chargeItems: true, hl7Enabled: true));
        Assert.Null(ShapeCheck.ChargesGoNowhere(FhirDeliveryShape.Individual, epic, chargeItems: false, hl7Enabled: false));
        Assert.Null(ShapeCheck.ChargesGoNowhere(FhirDeliveryShape.Millennium, millennium, chargeItems: true, hl7Enabled: false)); // $create
    }

    [Fact]
    public void Athenahealth_TakesNoProcedureInAnyShape()
    {
        var athena = Statement("athenahealth-r4-capabilitystatement.json");

        Assert.All(
            new[] { FhirDeliveryShape.Transaction, FhirDeliveryShape.Individual, FhirDeliveryShape.Millennium },
            shape => Assert.NotNull(ShapeCheck.Mismatch(shape, athena, chargeItems: false)));
        Assert.Contains("declares no create for Procedure", ShapeCheck.Mismatch(FhirDeliveryShape.Individual, athena, chargeItems: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Millennium_TakesTheMillenniumShape()
    {
        var millennium = Statement("millennium-r4-capabilitystatement.json");

        Assert.Null(ShapeCheck.Mismatch(FhirDeliveryShape.Millennium, millennium, chargeItems: true));
        Assert.NotNull(ShapeCheck.Mismatch(FhirDeliveryShape.Transaction, millennium, chargeItems: true));
    }

    /// <summary>Issue 14's trial: the Individual shape started against Millennium's statement, which declares no Procedure update.</summary>
    [Fact]
    public void Millennium_RefusesTheIndividualShape_ItsCorrectionsAndVoidsAreUpdates()
    {
        var millennium = Statement("millennium-r4-capabilitystatement.json");

        Assert.False(millennium.Can("Procedure", "update"));
        Assert.Contains("declares no update for Procedure", ShapeCheck.Mismatch(FhirDeliveryShape.Individual, millennium, chargeItems: true), StringComparison.Ordinal);
    }

    private static EhrCapabilities Statement(string file) =>
        EhrCapabilities.Parse(File.ReadAllText(Path.Combine(FhirServerFixture.ServerFolder(), "capabilities", file)));
}
