namespace InfusionSuite.Application.Ingest;

/// <summary>
/// Whether two entries of a patient's name are the same name: case, surrounding and repeated spaces
/// aside ("jane  roe" is "Jane Roe"); anything else (another spelling, another person) is a difference
/// the nurse confirms.
/// </summary>
internal static class PatientNameComparer
{
    public static bool Same(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string name) =>
        string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
