using InfusionSuite.Simulator.Scenarios;

namespace InfusionSuite.Simulator.Engine;

/// <summary>
/// Exponential approach of coolant and scalp temperatures toward their targets, with bounded noise
/// on every reading. Coolant pulls down from room temperature to the setpoint in about
/// <see cref="ControllerProfile.PulldownMinutes"/>; the scalp falls from skin temperature toward
/// 15–20 °C while coolant circulates through the cap and warms back when it does not.
/// </summary>
internal sealed class CoolingPhysics
{
    private const double RoomWarmingSeconds = 25 * 60;
    private const double ScalpCoolingSeconds = 6 * 60;
    private const double ScalpWarmingSeconds = 12 * 60;
    private const double OvercoolSeconds = 60;
    private const double OvercoolTargetC = -3.0;
    private const double CircuitLoadC = 0.3;
    private const double ScalpPerCoolantC = 0.4;

    private readonly ControllerProfile _profile;
    private readonly double _pulldownSeconds;
    private readonly double _scalpCooledC;

    public CoolingPhysics(ControllerProfile profile, Random random)
    {
        _profile = profile;
        var span = Math.Max(Math.E, profile.RoomC - (double)profile.SetpointC);
        _pulldownSeconds = profile.PulldownMinutes * 60 / Math.Log(span);
        _scalpCooledC = profile.ScalpCooledC + ((random.NextDouble() * 2) - 1);
        NominalFlowMlMin = profile.FlowMlMin + random.Next(-40, 41);
        CoolantC = profile.RoomC;
        ScalpC = profile.SkinC;
    }

    public double CoolantC { get; private set; }

    public double ScalpC { get; private set; }

    public int NominalFlowMlMin { get; }

    public void Advance(double seconds, PhysicsInputs inputs)
    {
        if (seconds <= 0)
        {
            return;
        }

        var coolantTarget = inputs.ChillerOn ? inputs.SetpointC + (inputs.Circulating ? CircuitLoadC : 0) : _profile.RoomC;
        CoolantC = Approach(CoolantC, coolantTarget, seconds, inputs.ChillerOn ? _pulldownSeconds : RoomWarmingSeconds);

        if (!inputs.CapOn)
        {
            ScalpC = _profile.SkinC;
            return;
        }

        var (scalpTarget, scalpSeconds) = inputs switch
        {
            { Overcool: true } => (OvercoolTargetC, OvercoolSeconds),
            { Circulating: true } => (_scalpCooledC + (ScalpPerCoolantC * (CoolantC - inputs.SetpointC)), ScalpCoolingSeconds),
            _ => (_profile.SkinC, ScalpWarmingSeconds),
        };
        ScalpC = Approach(ScalpC, scalpTarget, seconds, scalpSeconds);
    }

    /// <summary>A reading with bounded noise (±1.5 × amplitude), rounded to one decimal and clamped to its range.</summary>
    public static double Read(double value, double amplitude, Random random, double min, double max) =>
        Math.Clamp(Math.Round(value + Noise(amplitude, random), 1, MidpointRounding.AwayFromZero), min, max);

    public static double Noise(double amplitude, Random random) =>
        (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * amplitude;

    private static double Approach(double value, double target, double seconds, double timeConstantSeconds) =>
        target + ((value - target) * Math.Exp(-seconds / timeConstantSeconds));
}
