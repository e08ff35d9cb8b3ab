using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Domain.Sessions;

/// <summary>
/// The samples that may count towards the temperature summaries (cap connected, from the session's
/// start), kept compactly (16 bytes each, in 32 KB chunks) so the summaries can be taken again over a
/// period that moved: an end moved by a later CAP_OFF, a back-dated "cap removed" or an abort.
/// </summary>
internal sealed class CountedSamples
{
    private const int ChunkSize = 2048;
    private const short NoScalp = short.MinValue;
    private readonly List<Entry[]> _chunks = [];
    private int _count;

    public void Add(DateTimeOffset at, DateTimeOffset startedAt, Temperature coolant, Temperature? scalp)
    {
        if (_count == _chunks.Count * ChunkSize)
        {
            _chunks.Add(new Entry[ChunkSize]);
        }

        _chunks[_count / ChunkSize][_count % ChunkSize] = new Entry((at - startedAt).Ticks, coolant.Tenths, scalp?.Tenths ?? NoScalp);
        _count++;
    }

    /// <summary>Folds the samples up to <paramref name="endedAt"/> (all when null) into the two aggregates.</summary>
    public void Fold(DateTimeOffset startedAt, DateTimeOffset? endedAt, ref TemperatureAggregate coolant, ref TemperatureAggregate scalp)
    {
        var limit = endedAt is { } end ? (end - startedAt).Ticks : long.MaxValue;
        for (var i = 0; i < _count; i++)
        {
            var entry = _chunks[i / ChunkSize][i % ChunkSize];
            if (entry.Offset <= limit)
            {
                coolant.Add(new Temperature(entry.Coolant));
                if (entry.Scalp != NoScalp)
                {
                    scalp.Add(new Temperature(entry.Scalp));
                }
            }
        }
    }

    private readonly record struct Entry(long Offset, short Coolant, short Scalp);
}
