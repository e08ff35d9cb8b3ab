using System.Text.Json;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// The member names of each object open in one payload (unescaped, in caller-given buffers), so a
/// name given twice in the same object is refused at any depth without allocating. Names of an
/// object are forgotten when it closes, so the buffers never hold more than the payload.
/// </summary>
internal ref struct CcpJsonNames(Span<byte> text, Span<int> ends, Span<int> firstNames)
{
    private readonly Span<byte> _text = text;
    private readonly Span<int> _ends = ends;
    private readonly Span<int> _firstNames = firstNames;
    private int _count;
    private int _depth;

    public void EnterObject() => _firstNames[_depth++] = _count;

    public void LeaveObject() => _count = _firstNames[--_depth];

    /// <summary>Adds the property name the reader stands on; false when the open object already has it.</summary>
    public bool TryAdd(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        var start = End(_count - 1);
        name = _text.Slice(start, reader.CopyString(_text[start..]));
        for (var i = _firstNames[_depth - 1]; i < _count; i++)
        {
            if (name.SequenceEqual(_text[End(i - 1).._ends[i]]))
            {
                return false;
            }
        }

        _ends[_count++] = start + name.Length;
        return true;
    }

    private readonly int End(int index) => index < 0 ? 0 : _ends[index];
}
