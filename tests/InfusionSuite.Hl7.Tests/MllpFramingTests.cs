using InfusionSuite.Hl7.Transport;

namespace InfusionSuite.Hl7.Tests;

public sealed class MllpFramingTests
{
    [Fact]
    public void Frame_IsStartBlockUtf8BodyEndBlockCarriageReturn()
    {
        var frame = MllpFraming.Frame("MSH|é\r");

        Assert.Equal(new byte[] { 0x0B, (byte)'M', (byte)'S', (byte)'H', (byte)'|', 0xC3, 0xA9, 0x0D, 0x1C, 0x0D }, frame);
    }

    [Fact]
    public async Task ReadAsync_ReadsAFrameArrivingInPiecesAfterNoise()
    {
        var bytes = new byte[] { 0x0A, 0x0B, (byte)'M', (byte)'S', (byte)'A', 0x1C, (byte)'x', 0x0D, 0x1C, 0x0D, 0x0B };
        using var stream = new TrickleStream(bytes);

        var message = await MllpFraming.ReadAsync(stream, CancellationToken.None);

        Assert.Equal("MSA\u001cx\r", message);
    }

    [Fact]
    public async Task ReadAsync_ConnectionClosedMidFrame_IsADeliveryFailure()
    {
        using var stream = new MemoryStream([0x0B, (byte)'M', (byte)'S']);

        await Assert.ThrowsAsync<Hl7DeliveryException>(() => MllpFraming.ReadAsync(stream, CancellationToken.None));
    }

    /// <summary>Gives one byte per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
