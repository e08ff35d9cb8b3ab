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
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(assessment);
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
            ResultStatus = "F",
        });
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
                ResultStatus = "F",
                ObservedAt = observed,
            });
        }

        return new Hl7OutgoingMessage(controlId, "ORU^R01", new Hl7Message(segments).Encode(session.Delimiters));
    }
}
