using System.Globalization;
using InfusionSuite.Application.Courses;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Encoding;
using InfusionSuite.Hl7.Segments;

namespace InfusionSuite.Hl7.Messages;

/// <summary>
/// A course's outcome assessment as an ORU^R01: MSH, PID, PV1 (the course's last visit), OBR (service
/// <c>course-outcome</c>, the course id in OBR-20) and one OBX per finding — Dean NM 0–4, CTCAE alopecia
/// grade NM 0–2, "stopped cooling" TX with the reason — each observed at the assessment, OBX-11 F.
/// </summary>
public sealed class OutcomeMessages(SessionMessages session, Hl7Options options, TimeProvider time)
{
    public Hl7OutgoingMessage For(CourseOutcomeContext course, OutcomeAssessment assessment, Hl7SessionContext patient)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Build(course, assessment, patient, "F", [.. Values(assessment).Select(v => (v.Key, v.Type, v.Value, "F"))]);
    }

    /// <summary>
    /// A correction (OBR-25 and OBX-11 <c>C</c>; a finding the original did not have <c>F</c>) or an "entered in error"
    /// (each finding sent before again with OBX-11 <c>W</c>, "wrong"); a finding a correction no longer states is sent
    /// as <c>W</c> with its old value. Same filler order number as the original, so the receiver replaces its rows.
    /// The staff member's reason (<paramref name="note"/>: <see cref="AssessmentChangeNote"/>, the text FHIR's notes carry) is a TX OBX (<c>ISC-NOTE</c>).
    /// </summary>
    public Hl7OutgoingMessage Change(CourseOutcomeContext course, OutcomeAssessment before, OutcomeAssessment? after, Hl7SessionContext patient, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        var was = Values(before);
        var now = after is null ? [] : Values(after);
        var rows = now.Select(v => (v.Key, v.Type, v.Value, was.Any(w => w.Key == v.Key) ? "C" : "F"))
            .Concat(was.Where(w => now.All(v => v.Key != w.Key)).Select(w => (w.Key, w.Type, w.Value, "W")))
            .ToList();
        if (!string.IsNullOrWhiteSpace(note))
        {
            rows.Add((ObservationKeys.Note, "TX", note, "F"));
        }

        return Build(course, after ?? before, patient, "C", rows);
    }

    private static List<(string Key, string Type, string Value)> Values(OutcomeAssessment assessment)
    {
        var values = new List<(string Key, string Type, string Value)>();
        if (assessment.Dean is { } dean)
        {
            values.Add((ObservationKeys.DeanScore, "NM", dean.ToString(CultureInfo.InvariantCulture)));
        }

        if (assessment.CtcaeAlopeciaGrade is { } grade)
        {
            values.Add((ObservationKeys.CtcaeAlopeciaGrade, "NM", grade.ToString(CultureInfo.InvariantCulture)));
        }

        if (assessment.StoppedCooling)
        {
            values.Add((ObservationKeys.StoppedCooling, "TX", assessment.StoppedCoolingReason ?? "stopped"));
        }

        return values;
    }

    private Hl7OutgoingMessage Build(
        CourseOutcomeContext course, OutcomeAssessment assessment, Hl7SessionContext patient, string resultStatus, List<(string Key, string Type, string Value, string Status)> values)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(patient);
        var now = time.GetUtcNow();
        var controlId = session.NewControlId();
        var key = OutcomeKeys.Of(course.CourseId) + "/" + assessment.AssessmentId;
        var segments = new List<IHl7Segment> { session.Header(now, ("ORU", "R01", "ORU_R01"), controlId), session.Patient(patient) };
        if (course.LastSession is { } last)
        {
            segments.Add(session.Visit(last, patient));
        }

        var observed = session.Instant(assessment.AssessedAt);
        segments.Add(new Obr
        {
            FillerOrderNumber = FillerOrder.Number(key),
            FillerNamespace = FillerOrder.Namespace(key, options.SendingApplication),
            FillerField1 = course.CourseId,
            Service = session.Code(ObservationKeys.CourseOutcome),
            ObservedFrom = observed,
            ObservedTo = observed,
            ReportedAt = session.Instant(now),
            ResultStatus = resultStatus,
        });
        for (var i = 0; i < values.Count; i++)
        {
            var code = options.ObservationCode(values[i].Key);
            segments.Add(new Obx
            {
                SetId = i + 1,
                ValueType = values[i].Type,
                Code = new Hl7Code(code.Code, code.Text, code.CodingSystem),
                SubId = code.SubId,
                Value = [values[i].Value],
                ResultStatus = values[i].Status,
                ObservedAt = observed,
            });
        }

        return new Hl7OutgoingMessage(controlId, "ORU^R01", new Hl7Message(segments).Encode(session.Delimiters));
    }
}
