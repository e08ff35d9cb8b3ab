using System.Globalization;

namespace InfusionSuite.Domain.Controllers;

/// <summary>The detail of a SETPOINT event: the coolant setpoint in °C with one decimal.</summary>
public static class SetpointDetail
{
    public static bool TryParse(string? detail, out Temperature setpoint)
    {
        if (decimal.TryParse(detail, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var celsius)
            && celsius is >= -50m and <= 50m)
        {
            setpoint = Temperature.FromCelsius(celsius);
            return true;
        }

        setpoint = default;
        return false;
    }
}
