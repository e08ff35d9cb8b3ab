namespace InfusionSuite.Demo;

/// <summary>Made-up names for the demo's synthetic patients (marked as demo, so no screenshot passes for real data).</summary>
internal static class DemoPatientNames
{
    private static readonly string[] s_names =
    [
        "Ada Lindqvist", "Bea Okafor", "Carmen Ruiz", "Dana Whitfield", "Elena Petrova", "Fatima Haddad",
        "Grace Nakamura", "Hana Novak", "Iris Moreau", "June Abernathy", "Kira Mensah", "Lena Holm",
    ];

    public static string For(long seed) => s_names[(int)(Math.Abs(seed) % s_names.Length)] + " (demo)";
}
