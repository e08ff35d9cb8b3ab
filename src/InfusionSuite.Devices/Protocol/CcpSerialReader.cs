using InfusionSuite.Application.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Reads one serial port's byte stream: splits it into lines (at most 160 bytes, CRLF or lone LF,
/// resynchronising on the next <c>$</c>), parses each, gives CCT/CCE the boot of their controller's
/// latest CCH, and hands typed messages to the sink. Every discarded line is counted by reason; no
/// input makes it throw. Not thread-safe: one per port, fed from its read loop.
/// </summary>
public sealed class CcpSerialReader(ICcpMessageSink sink, CcpMetrics? metrics = null)
{
    private const int MaxLineBytes = CcpSerialWriter.MaxLineLength - 1;

    private readonly CcpLineParser _parser = new();
    private readonly byte[] _line = new byte[MaxLineBytes];
    private readonly CcpBootTracker _boots = new(sink, metrics);
    private int _length;
    private LineState _state;
    private bool _noiseCounted;

    private enum LineState : byte
    {
        BetweenLines,
        InLine,
        SkippingLongLine,
    }

    /// <summary>Feeds the next bytes read from the port, in any chunking.</summary>
    public void Read(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_state == LineState.BetweenLines)
            {
                var dollar = chunk.IndexOf((byte)'$');
                NoteNoise(dollar < 0 ? chunk : chunk[..dollar]);
                if (dollar < 0)
                {
                    return;
                }

                StartLine();
                chunk = chunk[(dollar + 1)..];
                continue;
            }

            var end = chunk.IndexOfAny((byte)'$', (byte)'\n');
            var part = end < 0 ? chunk : chunk[..end];
            if (_state == LineState.InLine)
            {
                if (_length + part.Length > MaxLineBytes)
                {
                    Reject(CcpRejection.TooLong);
                    _state = LineState.SkippingLongLine;
                }
                else
                {
                    part.CopyTo(_line.AsSpan(_length));
                    _length += part.Length;
                }
            }

            if (end < 0)
            {
                return;
            }

            if (chunk[end] == '$')
            {
                if (_state == LineState.InLine)
                {
                    Reject(CcpRejection.Truncated);
                }

                StartLine();
            }
            else
            {
                if (_state == LineState.InLine)
                {
                    Complete(_line.AsSpan(0, _length));
                }

                _state = LineState.BetweenLines;
                _noiseCounted = false;
            }

            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>
    /// The port closed or was reopened: a partial line is counted as truncated, held frames as
    /// <see cref="CcpRejection.NoHello"/>, and every controller's boot is forgotten (it may have
    /// restarted meanwhile), so frames wait for the next CCH.
    /// </summary>
    public void Reset()
    {
        if (_state == LineState.InLine)
        {
            Reject(CcpRejection.Truncated);
        }

        _state = LineState.BetweenLines;
        _noiseCounted = false;
        _boots.Reset();
    }

    private void StartLine()
    {
        _line[0] = (byte)'$';
        _length = 1;
        _state = LineState.InLine;
        _noiseCounted = false;
    }

    private void Complete(ReadOnlySpan<byte> line)
    {
        var result = _parser.Parse(line, out var frame);
        if (result != CcpRejection.None)
        {
            Reject(result);
            return;
        }

        switch (frame.Type)
        {
            case CcpFrameType.Hello:
                _boots.Hello(frame.Hello!);
                break;
            case CcpFrameType.Telemetry or CcpFrameType.Event:
                _boots.Frame(frame);
                break;
            default:
                Reject(CcpRejection.WrongDirection);
                break;
        }
    }

    private void NoteNoise(ReadOnlySpan<byte> bytes)
    {
        if (!_noiseCounted && bytes.ContainsAnyExcept((byte)'\r', (byte)'\n'))
        {
            _noiseCounted = true;
            Reject(CcpRejection.Noise);
        }
    }

    private void Reject(CcpRejection reason) => metrics?.Rejected(CcpTransport.Serial, reason);
}
