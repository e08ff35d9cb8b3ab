namespace InfusionSuite.Fhir.Mapping;

/// <summary>Code systems, codes and displays the Bundle uses (one home each).</summary>
public static class FhirCodes
{
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string DataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

    public const string PlacementDisplay = "Scalp cooling, mechanical; placement of device, monitoring, and removal of device";
    public const string CalibrationDisplay = "Scalp cooling, mechanical; initial measurement and calibration of cap";
    public const string ScalpStructure = "41695006";
    public const string ScalpStructureDisplay = "Scalp structure";
    public const string ControllerTypeText = "Scalp cooling controller";

    /// <summary>Codes of InfusionSuite's local CodeSystem (<see cref="FhirMappingOptions.LocalCodeSystem"/>).</summary>
    public static class Local
    {
        public const string PreCoolingDuration = "pre-cooling-duration";
        public const string InfusionDuration = "infusion-duration";
        public const string PostCoolingDuration = "post-cooling-duration";
        public const string Interruptions = "cooling-interruptions";
        public const string ScalpTemperature = "scalp-temperature-summary";
        public const string CoolantTemperature = "coolant-temperature-summary";
        public const string TargetDuration = "target-duration";
        public const string InterruptionDuration = "interruption-duration";
        public const string InterruptionCount = "interruption-count";
        public const string LongestInterruption = "longest-interruption";
        public const string Minimum = "minimum";
        public const string Mean = "mean";
        public const string Maximum = "maximum";
        public const string MinutesAtTarget = "minutes-at-target";
    }
}
