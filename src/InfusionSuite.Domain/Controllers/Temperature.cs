using System.Globalization;

namespace InfusionSuite.Domain.Controllers;

/// <summary>
/// A temperature in °C with one decimal, held exactly as tenths of a degree (CCP/1 sends one
/// decimal; nothing a device sent is altered by binary floating point).
/// </summary>
public readonly record struct Temperature(short Tenths) : IComparable<Temperature>
{
    /// <summary>In °C at the device's precision, one decimal kept: −4.0 is <c>-4.0</c>, never <c>-4</c> (JSON, HL7 and FHIR write the decimal as it is).</summary>
    public decimal Celsius => Tenths * 0.1m;

    public static Temperature FromCelsius(decimal celsius) => new(checked((short)decimal.Round(celsius * 10m, MidpointRounding.AwayFromZero)));

    public int CompareTo(Temperature other) => Tenths.CompareTo(other.Tenths);

    public static bool operator <(Temperature left, Temperature right) => left.Tenths < right.Tenths;

    public static bool operator >(Temperature left, Temperature right) => left.Tenths > right.Tenths;

    public static bool operator <=(Temperature left, Temperature right) => left.Tenths <= right.Tenths;

    public static bool operator >=(Temperature left, Temperature right) => left.Tenths >= right.Tenths;

    /// <summary>Invariant, one decimal: <c>-3.8</c>.</summary>
    public override string ToString() => Celsius.ToString("0.0", CultureInfo.InvariantCulture);
}
