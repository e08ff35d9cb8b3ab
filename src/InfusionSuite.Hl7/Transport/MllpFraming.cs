using System.Buffers;

namespace InfusionSuite.Hl7.Transport;

/// <summary>MLLP: each message is sent as <c>0x0B</c>, the message bytes (UTF-8), <c>0x1C 0x0D</c>.</summary>
public static class MllpFraming
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>An answer longer than this is refused (a receiver that never ends its frame).</summary>
    public const int MaxFrameBytes = 1 << 20;

    public static byte[] Frame(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = System.Text.Encoding.UTF8.GetByteCount(message);
        var frame = new byte[body + 3];
        frame[0] = StartBlock;
        System.Text.Encoding.UTF8.GetBytes(message, frame.AsSpan(1));
        frame[^2] = EndBlock;
        frame[^1] = CarriageReturn;
        return frame;
    }

    /// <summary>Reads one framed message; bytes before the start block are skipped.</summary>
    public static async Task<string> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        using var body = new MemoryStream();
        var started = false;
        var endSeen = false;
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new Hl7DeliveryException("The receiver closed the connection before its acknowledgement was complete.");
                }

                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (!started)
                    {
                        started = b == StartBlock;
                    }
                    else if (endSeen && b == CarriageReturn)
                    {
                        return System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
                    }
                    else
                    {
                        if (endSeen)
                        {
                            body.WriteByte(EndBlock);
                        }

                        endSeen = b == EndBlock;
                        if (!endSeen)
                        {
                            body.WriteByte(b);
                        }
                    }
                }

                if (body.Length > MaxFrameBytes)
                {
                    throw new Hl7DeliveryException("The receiver's answer is longer than an MLLP acknowledgement can be.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
