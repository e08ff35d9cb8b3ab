using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Encoding;
using InfusionSuite.Hl7.Segments;

namespace InfusionSuite.Hl7.Messages;

/// <summary>
/// The HL7 v2 messages of one ended session: one ORU^R01 with its documentation and one DFT^P03
/// per charge or credit (<see cref="ChargePostings"/>). Each gets a new control id; the caller
/// keeps the text and resends it unchanged.
/// </summary>
public sealed class SessionMessages(Hl7Options options, TimeZoneInfo siteTimeZone, TimeProvider time)
{
    private readonly Hl7Delimiters _delimiters = Hl7Delimiters.TryCreate(options.FieldSeparator[0], options.EncodingCharacters)
        ?? throw new ArgumentException("Hl7:FieldSeparator and Hl7:EncodingCharacters are not valid.", nameof(options));

    public Hl7Delimiters Delimiters => _delimiters;

    /// <summary>Makes each message's MSH-10 (random; tests that write documented examples fix it).</summary>
    internal Func<string> NewControlId { get; init; } = Hl7ControlIds.New;

    public IReadOnlyList<Hl7OutgoingMessage> For(ScalpCoolingSessionRecord record, Hl7SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        if (record.Status is not (SessionStatus.Completed or SessionStatus.Aborted or SessionStatus.Voided))
        {
            throw new ArgumentException("Only a completed, stopped or voided session is sent to the EHR.", nameof(record));
        }

        return [Observations(record, context), .. ChargePostings.For(record, context).Select(p => Charge(record, context, p))];
    }

    /// <summary>ORU^R01: MSH, PID, PV1, OBR (the session), one OBX per value.</summary>
    public Hl7OutgoingMessage Observations(ScalpCoolingSessionRecord record, Hl7SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var now = time.GetUtcNow();
        var controlId = NewControlId();
        var status = record.Status == SessionStatus.Voided ? "W" : context.Correction ? "C" : "F";
        var segments = new List<IHl7Segment>
        {
            Header(now, ("ORU", "R01", "ORU_R01"), controlId),
            Patient(context),
            Visit(record, context),
            new Obr
            {
                FillerOrderNumber = FillerOrder.Number(record.Plan.SessionId),
                FillerNamespace = FillerOrder.Namespace(record.Plan.SessionId, options.SendingApplication),
                FillerField1 = record.Plan.SessionId,
                Service = Code(ObservationKeys.Session),
                ObservedFrom = Instant(record.Boundaries.CapPlacedAt ?? record.StartedAt),
                ObservedTo = Instant(record.PerformedPeriod?.End ?? record.Boundaries.EndedAt),
                ReportedAt = Instant(now),
                ResultStatus = status == "W" ? "C" : status,
            },
        };
        var setId = 0;
        foreach (var value in SessionObservations.For(record, context.Note, CodedValueType()))
        {
            var code = options.ObservationCode(value.Key);
            segments.Add(new Obx
            {
                SetId = ++setId,
                ValueType = value.ValueType,
                Code = new Hl7Code(code.Code, code.Text, code.CodingSystem),
                SubId = value.SubIdSuffix is { } suffix ? string.IsNullOrEmpty(code.SubId) ? suffix : code.SubId + "." + suffix : code.SubId,
                Value = value.Value,
                Units = value.Unit is { } unit ? new Hl7Code(unit, unit, "UCUM") : null,
                ResultStatus = status,
                ObservedAt = Instant(value.ObservedAt),
                EquipmentId = record.Plan.ControllerId,
            });
        }

        return new Hl7OutgoingMessage(controlId, "ORU^R01", new Hl7Message(segments).Encode(_delimiters));
    }

    /// <summary>DFT^P03: MSH, EVN, PID, PV1, FT1 for one charge or credit.</summary>
    public Hl7OutgoingMessage Charge(ScalpCoolingSessionRecord record, Hl7SessionContext context, ChargePosting posting)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(posting);
        var now = time.GetUtcNow();
        var controlId = NewControlId();
        var line = posting.Line;
        // The charge's own decision; a credit repeats the stored charge and takes only the site's department from a decision of its code.
        var ofCode = context.Charges.Where(d => d.Code == line.Code && string.Equals(d.SessionId, record.Plan.SessionId, StringComparison.Ordinal)).ToList();
        var decision = posting.Credit ? null : ofCode.Find(d => d.DateOfService == line.DateOfService && d.Units == line.Units);
        var segments = new IHl7Segment[]
        {
            Header(now, ("DFT", "P03", "DFT_P03"), controlId),
            new Evn("P03", Instant(now)),
            Patient(context),
            Visit(record, context),
            new Ft1
            {
                TransactionId = line.TransactionId,
                DateOfService = line.DateOfService,
                PostedAt = Instant(now),
                TransactionType = posting.TransactionType,
                TransactionCode = new Hl7Code(
                    line.Code, line.Display ?? line.Code, options.ChargeCodingSystem,
                    line.ChargeMasterNumber, line.ChargeMasterNumber is null ? null : options.ChargeMasterCodingSystem),
                Units = line.Units,
                Department = new Hl7Code((decision ?? ofCode.FirstOrDefault())?.Department ?? options.Department, null, null),
                Diagnoses = context.Diagnoses,
                PerformedBy = [.. Performers(record).Select(n => context.Practitioners.GetValueOrDefault(n) ?? new Hl7Person(n))],
                OrderedBy = context.OrderedBy,
                Modifiers = [.. (decision?.Modifiers ?? []).Concat(options.ChargeModifiers.GetValueOrDefault(line.Code) ?? []).Distinct(StringComparer.Ordinal)],
                RevenueCode = SupportsRevenueCode() ? decision?.ChargeMaster?.RevenueCode : null,
            },
        };
        return new Hl7OutgoingMessage(controlId, "DFT^P03", new Hl7Message(segments).Encode(_delimiters), posting);
    }

    internal Msh Header(DateTimeOffset now, (string, string, string) type, string controlId) => new()
    {
        SendingApplication = options.SendingApplication,
        SendingFacility = options.SendingFacility,
        ReceivingApplication = options.ReceivingApplication,
        ReceivingFacility = options.ReceivingFacility,
        CreatedAt = Instant(now),
        MessageType = type,
        ControlId = controlId,
        ProcessingId = options.ProcessingId,
        Version = options.Version,
        CharacterSet = "UNICODE UTF-8",
    };

    internal Pid Patient(Hl7SessionContext context) => new()
    {
        PatientId = context.PatientId,
        AssigningAuthority = options.PatientAssigningAuthority,
        IdentifierType = "MR",
        FamilyName = context.PatientFamilyName,
        GivenName = context.PatientGivenName,
    };

    internal Pv1 Visit(ScalpCoolingSessionRecord record, Hl7SessionContext context) => new()
    {
        PointOfCare = options.Department,
        Bed = record.Plan.ControllerId,
        VisitNumber = context.VisitNumber ?? VisitNumber(record.Plan.EncounterReference),
    };

    /// <summary>OBX-2 of a coded value: CE up to v2.5.1 (whose OBX-2 is two characters), CWE from v2.6 on (CE withdrawn).</summary>
    private string CodedValueType() =>
        Version.TryParse(options.Version, out var version) && version >= new Version(2, 6) ? "CWE" : "CE";

    /// <summary>FT1-41 (revenue code) exists from v2.6 on.</summary>
    private bool SupportsRevenueCode() =>
        Version.TryParse(options.Version, out var version) && version >= new Version(2, 6);

    internal Hl7Code Code(string key)
    {
        var code = options.ObservationCode(key);
        return new Hl7Code(code.Code, code.Text, code.CodingSystem);
    }

    private string? Instant(DateTimeOffset? instant) => instant is { } value ? Hl7Timestamps.Instant(value, siteTimeZone) : null;

    internal string Instant(DateTimeOffset instant) => Hl7Timestamps.Instant(instant, siteTimeZone);

    /// <summary>PV1-19: the visit number; an EHR resource id (a session started before ids were refused there) is never one, so none is sent.</summary>
    private static string? VisitNumber(string? encounterReference) =>
        Application.Ehr.VisitIdentity.IsEhrReference(encounterReference) ? null : encounterReference;

    /// <summary>The nurse who started the session, then the one who ended it when different.</summary>
    private static IEnumerable<string> Performers(ScalpCoolingSessionRecord record)
    {
        var starting = record.NurseEntries.FirstOrDefault(e => e.Kind == NurseActionKind.StartSession)?.NurseId ?? record.Nurses[0];
        yield return starting;
        var ending = record.NurseEntries.LastOrDefault(e => e.Kind is NurseActionKind.CapRemoved or NurseActionKind.Abort)?.NurseId;
        if (ending is not null && !string.Equals(ending, starting, StringComparison.Ordinal))
        {
            yield return ending;
        }
    }
}
