namespace InfusionSuite.Devices.Protocol;

/// <summary>The CCP/1 serial checksum: XOR of every byte between <c>$</c> and <c>*</c>, both excluded.</summary>
public static class CcpChecksum
{
    /// <summary>The checksum of a line body (the bytes between <c>$</c> and <c>*</c>).</summary>
    public static byte Compute(ReadOnlySpan<byte> body)
    {
        byte checksum = 0;
        foreach (var b in body)
        {
            checksum ^= b;
        }

        return checksum;
    }
}
