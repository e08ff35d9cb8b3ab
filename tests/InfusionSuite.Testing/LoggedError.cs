using Microsoft.Extensions.Logging;

namespace InfusionSuite.Testing;

/// <summary>One entry a host logged at <see cref="LogLevel.Error"/> or above, as a test failure names it.</summary>
public sealed record LoggedError(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public bool Matches(string fragment) =>
        Category.Contains(fragment, StringComparison.OrdinalIgnoreCase)
        || Message.Contains(fragment, StringComparison.OrdinalIgnoreCase)
        || (Exception?.GetType().Name.Contains(fragment, StringComparison.OrdinalIgnoreCase) ?? false)
        || (Exception?.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase) ?? false);

    public override string ToString() =>
        Exception is null ? $"{Level} {Category}: {Message}" : $"{Level} {Category}: {Message} ({Exception.GetType().Name}: {Exception.Message})";
}
