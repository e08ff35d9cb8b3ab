namespace InfusionSuite.Host.Commands;

/// <summary>Where a command reads its input (<c>--password-stdin</c>) and writes its output and errors.</summary>
public sealed record CommandConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's standard streams.</summary>
    public static CommandConsole Standard => new(Console.In, Console.Out, Console.Error);
}
