namespace InfusionSuite.Devices.Protocol;

/// <summary>Walks the comma-separated fields of a serial line body, after its type.</summary>
internal ref struct CcpFieldCursor
{
    private ReadOnlySpan<byte> _rest;

    public CcpFieldCursor(ReadOnlySpan<byte> fields, bool any)
    {
        _rest = fields;
        Count = any ? fields.Count((byte)',') + 1 : 0;
    }

    /// <summary>How many fields there are (an empty field counts).</summary>
    public int Count { get; }

    /// <summary>The next field (empty when the field is empty or there is none left).</summary>
    public ReadOnlySpan<byte> Next()
    {
        var comma = _rest.IndexOf((byte)',');
        ReadOnlySpan<byte> field;
        if (comma < 0)
        {
            field = _rest;
            _rest = [];
        }
        else
        {
            field = _rest[..comma];
            _rest = _rest[(comma + 1)..];
        }

        return field;
    }
}
