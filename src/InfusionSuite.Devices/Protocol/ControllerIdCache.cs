using System.Text;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// A small bounded cache of ASCII ids (bytes or chars → string), so the same controller id does not
/// allocate a string per line. Two-way set associative over 64 sets; a miss replaces an entry. Not
/// thread-safe: one per parser.
/// </summary>
internal sealed class ControllerIdCache
{
    private const int Sets = 64;
    private readonly string?[] _entries = new string?[Sets * 2];
    private int _evict;

    public string Get(ReadOnlySpan<byte> ascii)
    {
        var set = (int)(Hash(ascii) % Sets) * 2;
        for (var way = set; way < set + 2; way++)
        {
            if (_entries[way] is { } hit && Ascii.Equals(ascii, hit))
            {
                return hit;
            }
        }

        return Store(set, Encoding.ASCII.GetString(ascii));
    }

    public string Get(ReadOnlySpan<char> ascii)
    {
        var set = (int)(Hash(ascii) % Sets) * 2;
        for (var way = set; way < set + 2; way++)
        {
            if (_entries[way] is { } hit && ascii.SequenceEqual(hit))
            {
                return hit;
            }
        }

        return Store(set, ascii.ToString());
    }

    private string Store(int set, string value)
    {
        var way = _entries[set] is null ? set : _entries[set + 1] is null ? set + 1 : set + (_evict++ & 1);
        _entries[way] = value;
        return value;
    }

    private static uint Hash(ReadOnlySpan<byte> ascii)
    {
        var hash = 2166136261u;
        foreach (var b in ascii)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static uint Hash(ReadOnlySpan<char> ascii)
    {
        var hash = 2166136261u;
        foreach (var c in ascii)
        {
            hash = (hash ^ (byte)c) * 16777619u;
        }

        return hash;
    }
}
