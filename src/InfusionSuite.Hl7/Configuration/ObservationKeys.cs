namespace InfusionSuite.Hl7.Configuration;

/// <summary>
/// The values an ORU^R01 carries, by the key of the site-editable code table
/// (<c>Hl7:ObservationCodes:{key}</c>), with their default codes: IEEE 11073-10101 (MDC) where one
/// exists, the local coding system otherwise.
/// </summary>
public static class ObservationKeys
{
    public const string Session = "session";
    public const string PreCoolingMinutes = "pre-cooling-minutes";
    public const string PreCoolingTarget = "pre-cooling-target";
    public const string PreCoolingInterrupted = "pre-cooling-interrupted";
    public const string InfusionMinutes = "infusion-minutes";
    public const string InfusionInterrupted = "infusion-interrupted";
    public const string PostCoolingMinutes = "post-cooling-minutes";
    public const string PostCoolingTarget = "post-cooling-target";
    public const string PostCoolingInterrupted = "post-cooling-interrupted";
    public const string InterruptionCount = "interruption-count";
    public const string InterruptionMinutes = "interruption-minutes";
    public const string LongestInterruption = "longest-interruption";
    public const string Deviation = "deviation";
    public const string CoolantMinimum = "coolant-temperature-min";
    public const string CoolantMean = "coolant-temperature-mean";
    public const string CoolantMaximum = "coolant-temperature-max";
    public const string CoolantSetpoint = "coolant-setpoint";
    public const string MinutesAtSetpoint = "minutes-at-setpoint";
    public const string ScalpMinimum = "scalp-temperature-min";
    public const string ScalpMean = "scalp-temperature-mean";
    public const string ScalpMaximum = "scalp-temperature-max";
    public const string CapSize = "cap-size";
    public const string Tolerance = "tolerance";
    public const string AdverseEvent = "adverse-event";
    public const string Note = "note";
    public const string ClockWarning = "clock-warning";

    /// <summary>OBR-4 of a course's outcome assessment (issue 17), and its values.</summary>
    public const string CourseOutcome = "course-outcome";
    public const string DeanScore = "dean-score";
    public const string CtcaeAlopeciaGrade = "ctcae-alopecia-grade";
    public const string StoppedCooling = "stopped-cooling";

    public const string LocalCodingSystem = "99ISC";

    /// <summary>MDC_TEMP (IEEE 11073-10101 150344): a temperature, here the coolant's.</summary>
    private const string MdcTemp = "150344";

    /// <summary>MDC_TEMP_SKIN (150388): skin temperature, here the scalp's under the cap.</summary>
    private const string MdcTempSkin = "150388";

    /// <summary>The default table; a site's <c>Hl7:ObservationCodes</c> entries replace entries by key.</summary>
    public static IReadOnlyDictionary<string, Hl7ObservationCode> Defaults { get; } = new Dictionary<string, Hl7ObservationCode>(StringComparer.Ordinal)
    {
        [Session] = Local("ISC-SESSION", "Scalp cooling session"),
        [PreCoolingMinutes] = Local("ISC-PRECOOL-MIN", "Pre-cooling duration"),
        [PreCoolingTarget] = Local("ISC-PRECOOL-TARGET", "Pre-cooling target duration"),
        [PreCoolingInterrupted] = Local("ISC-PRECOOL-INT", "Cooling interrupted during pre-cooling"),
        [InfusionMinutes] = Local("ISC-INFUSION-MIN", "Infusion phase duration"),
        [InfusionInterrupted] = Local("ISC-INFUSION-INT", "Cooling interrupted during infusion"),
        [PostCoolingMinutes] = Local("ISC-POSTCOOL-MIN", "Post-cooling duration"),
        [PostCoolingTarget] = Local("ISC-POSTCOOL-TARGET", "Post-cooling target duration"),
        [PostCoolingInterrupted] = Local("ISC-POSTCOOL-INT", "Cooling interrupted during post-cooling"),
        [InterruptionCount] = Local("ISC-INT-COUNT", "Number of cooling interruptions"),
        [InterruptionMinutes] = Local("ISC-INT-MIN", "Total cooling interruption"),
        [LongestInterruption] = Local("ISC-INT-LONGEST", "Longest cooling interruption"),
        [Deviation] = Local("ISC-DEVIATION", "Scalp cooling deviation"),
        [CoolantMinimum] = Mdc(MdcTemp, "MDC_TEMP", "coolant.min"),
        [CoolantMean] = Mdc(MdcTemp, "MDC_TEMP", "coolant.mean"),
        [CoolantMaximum] = Mdc(MdcTemp, "MDC_TEMP", "coolant.max"),
        [CoolantSetpoint] = Mdc(MdcTemp, "MDC_TEMP", "coolant.setpoint"),
        [MinutesAtSetpoint] = Local("ISC-AT-SETPOINT-MIN", "Time with the coolant at its setpoint"),
        [ScalpMinimum] = Mdc(MdcTempSkin, "MDC_TEMP_SKIN", "scalp.min"),
        [ScalpMean] = Mdc(MdcTempSkin, "MDC_TEMP_SKIN", "scalp.mean"),
        [ScalpMaximum] = Mdc(MdcTempSkin, "MDC_TEMP_SKIN", "scalp.max"),
        [CapSize] = Local("ISC-CAP-SIZE", "Cooling cap size"),
        [Tolerance] = Local("ISC-TOLERANCE", "Scalp cooling tolerance (0-10)"),
        [AdverseEvent] = Local("ISC-ADVERSE-EVENT", "Adverse event during scalp cooling"),
        [Note] = Local("ISC-NOTE", "Scalp cooling note"),
        [ClockWarning] = Local("ISC-CLOCK", "Controller clock warning"),
        [CourseOutcome] = Local("ISC-OUTCOME", "Scalp cooling outcome assessment"),
        [DeanScore] = Local("ISC-DEAN", "Dean scale of hair loss (0-4)"),
        [CtcaeAlopeciaGrade] = Local("ISC-CTCAE-ALOPECIA", "CTCAE alopecia grade (0-2)"),
        [StoppedCooling] = Local("ISC-COOLING-STOPPED", "Patient stopped scalp cooling (reason)"),
    };

    private static Hl7ObservationCode Local(string code, string text) => new() { Code = code, Text = text, CodingSystem = LocalCodingSystem };

    private static Hl7ObservationCode Mdc(string code, string text, string subId) => new() { Code = code, Text = text, CodingSystem = "MDC", SubId = subId };
}
