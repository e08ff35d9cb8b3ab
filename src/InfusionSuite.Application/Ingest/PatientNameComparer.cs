namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Whether two entries of a patient's name are the same name (<see cref="Ehr.PersonName.Same"/>): case, spaces and the order
/// of family and given names aside ("Alice Testpatient" is "Testpatient, Alice"); anything else (another spelling, another
/// person) is a difference the nurse confirms.
/// </summary>
internal static class PatientNameComparer
{
    public static bool Same(string a, string b) => Ehr.PersonName.Same(a, b);
}
