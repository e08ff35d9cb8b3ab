namespace InfusionSuite.Simulator.Scenarios;

/// <summary>A scenario file that cannot be used; the message names the file, the member and what is wrong.</summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException()
    {
    }

    public ScenarioFormatException(string message)
        : base(message)
    {
    }

    public ScenarioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
