namespace InfusionSuite.Demo;

/// <summary>
/// Made-up names for the demo's synthetic patients (marked as demo, so no screenshot passes for real data).
/// Each simulated chair draws from its own names and the seeded history from others, so one name is never on
/// two chairs at once, nor on a chair and in the history (a nurse would read that as one patient in two places).
/// </summary>
internal static class DemoPatientNames
{
    /// <summary>How many of the demo nurse's chairs have names of their own (<see cref="DemoChairs.All"/>).</summary>
    public const int Chairs = 6;

    private const int PerChair = 3;

    private static readonly string[] s_names =
    [
        "Ada Lindqvist", "Bea Okafor", "Carmen Ruiz", "Dana Whitfield", "Elena Petrova", "Fatima Haddad",
        "Grace Nakamura", "Hana Novak", "Iris Moreau", "June Abernathy", "Kira Mensah", "Lena Holm",
        "Maya Castillo", "Nora Lindgren", "Olga Sokolova", "Priya Raman", "Quinn Donnelly", "Rosa Albers",
        "Sara Eriksen", "Tess Fairbanks", "Uma Kapoor", "Vera Hollis", "Wren Calloway", "Yara Haddon",
    ];

    /// <summary>The name for a session on the chair with <paramref name="chairIndex"/> (0 to <see cref="Chairs"/> − 1); <paramref name="turn"/> varies it between sessions.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chairIndex"/> is not one of the demo nurse's chairs.</exception>
    public static string ForChair(int chairIndex, long turn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chairIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chairIndex, Chairs);
        return Demo(s_names[chairIndex + (Chairs * (int)(Math.Abs(turn) % PerChair))]);
    }

    /// <summary>The name of the seeded history's course <paramref name="course"/> (0-based; names repeat after six courses).</summary>
    public static string ForHistory(int course) => Demo(s_names[(Chairs * PerChair) + (Math.Abs(course) % (s_names.Length - (Chairs * PerChair)))]);

    private static string Demo(string name) => name + " (demo)";
}
