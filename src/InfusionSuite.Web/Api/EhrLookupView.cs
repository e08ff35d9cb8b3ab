using InfusionSuite.Application.Ehr;

namespace InfusionSuite.Web.Api;

/// <summary>The EHR's answer to the start form's look-up: whether an EHR is configured, the patients found (PHI) and, when it could not be asked, why.</summary>
public sealed record EhrLookupView(bool Configured, IReadOnlyList<EhrPatientMatch> Patients, string? Problem);
