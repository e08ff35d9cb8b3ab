using Hl7.Fhir.Model;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Demo.Tests;

/// <summary>The transaction Bundle the EHR would get for a stored session (the mapper over its record, the billing of its course).</summary>
internal static class StoredSessionBundle
{
    public static Bundle For(ScalpCoolingSessionRecord record)
    {
        var course = ScalpCoolingCourse.Create(record.Plan.CourseId, record.Plan.PatientReference, "demo", record.Plan.FirstOfCourse, [record]);
        var evaluation = ScalpCoolingBilling.Evaluate([course], BillingPolicy.Default)[0];
        var context = new SessionFhirContext
        {
            Patient = EhrReference.Parse(record.Plan.PatientReference, "Patient", "urn:infusionsuite:demo-patient", "Patient"),
            Charges = [.. evaluation.Placement, .. evaluation.Calibration],
        };
        return new SessionBundleMapper(new FhirMappingOptions()).Map(record, context);
    }
}
