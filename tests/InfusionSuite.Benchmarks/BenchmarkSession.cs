using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Controllers;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Domain.Sessions.Inputs;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Benchmarks;

/// <summary>
/// A typical session folded by the real domain: 30 min pre-cooling, 60 min infusion, 90 min
/// post-cooling, a sample every second (≈ 11,000 samples), ended by the nurse: what the worker holds
/// per chair, and what the FHIR mapper gets.
/// </summary>
internal sealed class BenchmarkSession
{
    public const string ControllerId = "CHAIR-07";
    public const uint Boot = 0x9f3a61c2;
    private const string Nurse = "user-41";

    private uint _seq;

    public BenchmarkSession(DateTimeOffset start)
    {
        Now = start;
        Apply(new StartSession(Now, Nurse, Plan));
        Apply(new ControllerHelloReceived(Now, new ControllerHello(ControllerId, Boot, "CoolCap CC-200", "2.4.1", 1)));
        Run(TimeSpan.FromMinutes(2));
        Event(ControllerEventKind.Calibrated, "M");
        Event(ControllerEventKind.CapOn);
        Event(ControllerEventKind.Setpoint, "-4.0");
        Event(ControllerEventKind.CoolingStart);
        Run(TimeSpan.FromMinutes(30));
        Apply(new StartInfusion(Now, Nurse));
    }

    public static SessionPlan Plan { get; } = new(
        "session-bench", "course-bench", "patient-bench", new ChemoAdministration("MedicationAdministration/ma-bench", "96413"),
        ControllerId, RegimenTargets.FromMinutes(30, 90), CapSize.M, FirstOfCourse: true);

    public ScalpCoolingSession Session { get; } = new(SessionPolicy.Default);

    public DateTimeOffset Now { get; private set; }

    public uint NextSeq => _seq;

    /// <summary>A session run to its end: infusion, post-cooling, cap off, tolerance.</summary>
    public static ScalpCoolingSessionRecord Completed(DateTimeOffset start)
    {
        var chair = new BenchmarkSession(start);
        chair.Run(TimeSpan.FromMinutes(60));
        chair.Apply(new EndInfusion(chair.Now, Nurse));
        chair.Run(TimeSpan.FromMinutes(90));
        chair.Event(ControllerEventKind.CoolingStop);
        chair.Event(ControllerEventKind.CapOff);
        chair.Apply(new RemoveCap(chair.Now, Nurse));
        chair.Apply(new RecordTolerance(chair.Now, Nurse, 2));
        return chair.Session.ToRecord();
    }

    public static SessionFhirContext Context(ScalpCoolingSessionRecord record)
    {
        var course = ScalpCoolingCourse.Create(record.Plan.CourseId, record.Plan.PatientReference, "paclitaxel weekly", record.Plan.FirstOfCourse, [record]);
        var evaluation = ScalpCoolingBilling.Evaluate([course], BillingPolicy.Default)[0];
        return new SessionFhirContext
        {
            Patient = EhrReference.ById("Patient", "pat-1001"),
            Encounter = EhrReference.ById("Encounter", "enc-2001"),
            Practitioners = new Dictionary<string, EhrReference>(StringComparer.Ordinal) { [Nurse] = EhrReference.ById("Practitioner", "prac-41") },
            Charges = [.. evaluation.Placement, .. evaluation.Calibration],
        };
    }

    /// <summary>A steady cooling sample one second after the last.</summary>
    public TelemetrySample NextSample()
    {
        Now = Now.AddSeconds(1);
        var wobble = (int)(_seq * 7 % 11) - 5;
        return new TelemetrySample(ControllerId, Boot, _seq++, Now, ControllerState.Cooling,
            new Temperature((short)(-40 + wobble)), new Temperature(160), 620, true, ControllerAlarms.None);
    }

    private void Run(TimeSpan span)
    {
        for (var i = 0; i < span.TotalSeconds; i++)
        {
            var sample = NextSample();
            Check(Session.ApplyTelemetry(sample, Now));
        }
    }

    private void Event(ControllerEventKind kind, string? detail = null) =>
        Apply(new DeviceEventReceived(Now, new ControllerEvent(ControllerId, Boot, _seq++, Now, kind, detail)));

    private void Apply(SessionInput input) => Check(Session.Apply(input));

    private static void Check(InputOutcome outcome)
    {
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException($"The benchmark session refused an input: {outcome}.");
        }
    }
}
