using System.Text;

namespace InfusionSuite.Devices.Protocol;

/// <summary>Builds one CCP/1 serial line in a caller's span: <c>$TYPE,field,...*CS\r\n</c>.</summary>
internal ref struct CcpLineBuilder
{
    private readonly Span<byte> _destination;
    private int _position;

    public CcpLineBuilder(Span<byte> destination, ReadOnlySpan<byte> type)
    {
        _destination = destination;
        Append("$"u8);
        Append(type);
    }

    /// <summary>A field: a comma, then the value's bytes.</summary>
    public void Field(scoped ReadOnlySpan<byte> value)
    {
        Append(","u8);
        Append(value);
    }

    /// <summary>A text field; <paramref name="isValid"/> checks its form (the writer never breaks the framing).</summary>
    public void Field(string? value, string name, CcpFieldRule isValid)
    {
        value ??= string.Empty;
        Span<byte> bytes = stackalloc byte[CcpSerialWriter.MaxLineLength];
        if (value.Length > bytes.Length || !Ascii.IsValid(value)
            || Encoding.ASCII.GetBytes(value, bytes) != value.Length || !isValid(bytes[..value.Length]))
        {
            throw new ArgumentException($"'{value}' is not a valid CCP/1 {name}", name);
        }

        Field(bytes[..value.Length]);
    }

    /// <summary>Writes <c>*CS\r\n</c> and returns the length of the whole line.</summary>
    public int Finish()
    {
        var checksum = CcpChecksum.Compute(_destination[1.._position]);
        Span<byte> tail = [(byte)'*', Hex(checksum >> 4), Hex(checksum & 0xF), (byte)'\r', (byte)'\n'];
        Append(tail);
        return _position;
    }

    private void Append(scoped ReadOnlySpan<byte> bytes)
    {
        if (_position + bytes.Length > Math.Min(_destination.Length, CcpSerialWriter.MaxLineLength))
        {
            throw new ArgumentException(
                $"the line does not fit: CCP/1 lines are at most {CcpSerialWriter.MaxLineLength} bytes and the destination holds {_destination.Length}",
                "destination");
        }

        bytes.CopyTo(_destination[_position..]);
        _position += bytes.Length;
    }

    private static byte Hex(int nibble) => (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}

/// <summary>A check of a field's form on its ASCII bytes.</summary>
internal delegate bool CcpFieldRule(ReadOnlySpan<byte> value);
