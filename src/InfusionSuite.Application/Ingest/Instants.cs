namespace InfusionSuite.Application.Ingest;

/// <summary>Stored instants are UTC whole milliseconds; the writer rounds every instant down once, before the domain sees it, so replay is identical.</summary>
internal static class Instants
{
    public static DateTimeOffset ToStored(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static DateTimeOffset? ToStored(DateTimeOffset? instant) => instant is { } value ? ToStored(value) : null;
}
