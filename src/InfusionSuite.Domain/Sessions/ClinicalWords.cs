using System.Text;

namespace InfusionSuite.Domain.Sessions;

/// <summary>A reason or kind in words for notes and pages (<c>WrongPatient</c> → "wrong patient"), never the enum's name.</summary>
public static class ClinicalWords
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(name[i]));
        }

        return words.ToString();
    }
}
