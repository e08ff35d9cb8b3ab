using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;
using static InfusionSuite.Devices.Tests.Lines;

namespace InfusionSuite.Devices.Tests;

public sealed class CcpSerialReaderTests : IDisposable
{
    private readonly CcpCounts _counts = new();
    private readonly RecordingSink _sink = new();
    private readonly CcpSerialReader _reader;

    public CcpSerialReaderTests() => _reader = new CcpSerialReader(_sink, _counts.Metrics);

    public void Dispose() => _counts.Dispose();

    [Fact]
    public void SpecExampleStream_GivesHelloThenMessagesWithTheBoot_InAnyChunking()
    {
        var stream = Bytes(SpecExamples.HelloLine + SpecExamples.CoolingStartLine + SpecExamples.Telemetry1042Line
            + SpecExamples.Telemetry1043Line + SpecExamples.CalibratedLine);
        object[] expected =
        [
            SpecExamples.Hello, SpecExamples.CoolingStart, SpecExamples.Telemetry1042, SpecExamples.Telemetry1043, SpecExamples.Calibrated,
        ];

        foreach (var chunk in new[] { 1, 2, 7, 64, stream.Length })
        {
            var sink = new RecordingSink();
            var reader = new CcpSerialReader(sink);
            for (var i = 0; i < stream.Length; i += chunk)
            {
                reader.Read(stream.AsSpan(i, Math.Min(chunk, stream.Length - i)));
            }

            Assert.Equal(expected, sink.Messages);
        }
    }

    [Fact]
    public void FramesBeforeTheHello_AreHeld_ThenReleasedWithItsBoot_WhenTheSequenceContinues()
    {
        Read(Telemetry(seq: "10"), Telemetry(seq: "11"), SpecExamples.HelloLine);
        Assert.Single(_sink.Messages);

        Read(Telemetry(seq: "12"));

        Assert.Equal([10u, 11u, 12u], _sink.Telemetry.Select(t => t.Seq));
        Assert.All(_sink.Telemetry, t => Assert.Equal(SpecExamples.Boot, t.Boot));
        Assert.Equal(4, _counts.Accepted());
    }

    [Fact]
    public void FramesBeforeARestartHello_AreDropped_NotGivenTheNewBoot()
    {
        Read(Telemetry(seq: "5000"), Telemetry(seq: "5001"), Hello(boot: "0000beef"), Telemetry(seq: "0"));

        Assert.Equal([0u], _sink.Telemetry.Select(t => t.Seq));
        Assert.Equal(0x0000beefu, _sink.Telemetry.Single().Boot);
        Assert.Equal(2, _counts.Rejected(CcpRejection.NoHello));
    }

    [Fact]
    public void HeldFrames_AreBounded_TheOverflowIsCounted()
    {
        Read([.. Enumerable.Range(0, CcpBootTracker.MaxHeld + 3).Select(i => Telemetry(seq: i.ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        Assert.Empty(_sink.Messages);
        Assert.Equal(3, _counts.Rejected(CcpRejection.NoHello));
    }

    [Fact]
    public void SequenceGoingBack_WithoutAHello_AsksForOne_AndWaitsForIt()
    {
        Read(SpecExamples.HelloLine, Telemetry(seq: "1042"), Telemetry(seq: "0"));

        Assert.Equal(["CHAIR-07"], _sink.HelloNeeded);
        Assert.Equal([1042u], _sink.Telemetry.Select(t => t.Seq));

        Read(Hello(boot: "12345678"), Telemetry(seq: "1"));

        Assert.Equal([1042u, 0u, 1u], _sink.Telemetry.Select(t => t.Seq));
        Assert.Equal(0x12345678u, _sink.Telemetry.Last().Boot);
    }

    [Fact]
    public void EveryFrameBeforeAnyHello_AsksForOne_UntilTheHelloComes()
    {
        Read(Telemetry(seq: "1"), Telemetry(seq: "2"));

        Assert.Equal(["CHAIR-07", "CHAIR-07"], _sink.HelloNeeded);

        Read(SpecExamples.HelloLine, Telemetry(seq: "3"));

        Assert.Equal(2, _sink.HelloNeeded.Count);
        Assert.Equal([1u, 2u, 3u], _sink.Telemetry.Select(t => t.Seq));
    }

    [Fact]
    public void NewBoot_StartsANewSequence()
    {
        Read(SpecExamples.HelloLine, Telemetry(seq: "1042"), Hello(boot: "12345678"), Telemetry(seq: "0"));

        Assert.Equal([(SpecExamples.Boot, 1042u), (0x12345678u, 0u)], _sink.Telemetry.Select(t => (t.Boot, t.Seq)));
        Assert.Empty(_sink.HelloNeeded);
    }

    [Fact]
    public void BadLines_AreCountedByReason_AndTheStreamGoesOn()
    {
        Read(
            "garbage before any line\r\n",
            SpecExamples.HelloLine,
            "$" + new string('A', 300) + "\r\n",
            "$CCT,CHAIR-07,10",
            SpecExamples.Telemetry1042Line.Replace("*43", "*00", StringComparison.Ordinal),
            Line("CCQ,HELLO"),
            Telemetry(flow: "9999"),
            SpecExamples.Telemetry1043Line.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.Equal(1, _counts.Rejected(CcpRejection.Noise));
        Assert.Equal(1, _counts.Rejected(CcpRejection.TooLong));
        Assert.Equal(1, _counts.Rejected(CcpRejection.Truncated));
        Assert.Equal(1, _counts.Rejected(CcpRejection.BadChecksum));
        Assert.Equal(1, _counts.Rejected(CcpRejection.WrongDirection));
        Assert.Equal(1, _counts.Rejected(CcpRejection.OutOfRange));
        Assert.Equal(6, _counts.TotalRejected);
        Assert.Equal([SpecExamples.Hello, (object)SpecExamples.Telemetry1043], _sink.Messages);
    }

    [Fact]
    public void Reset_CountsThePartialLine_AndForgetsBoots()
    {
        Read(SpecExamples.HelloLine, "$CCT,CHAIR-07,10");
        _reader.Reset();
        Read(SpecExamples.Telemetry1042Line);

        Assert.Equal(1, _counts.Rejected(CcpRejection.Truncated));
        Assert.Empty(_sink.Telemetry);

        Read(SpecExamples.HelloLine, SpecExamples.Telemetry1043Line);

        Assert.Equal([1042u, 1043u], _sink.Telemetry.Select(t => t.Seq));
    }

    [Fact]
    public void HundredThousandRandomAndMutatedLines_NeverMakeTheReaderThrow()
    {
        var random = new Random(20261127);
        var valid = Bytes(SpecExamples.HelloLine + SpecExamples.Telemetry1042Line + SpecExamples.CalibratedLine);
        var buffer = new byte[256];
        for (var i = 0; i < 100_000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                length = random.Next(buffer.Length);
                random.NextBytes(buffer.AsSpan(0, length));
            }
            else
            {
                var start = random.Next(valid.Length);
                length = Math.Min(random.Next(1, 120), valid.Length - start);
                valid.AsSpan(start, length).CopyTo(buffer);
                for (var m = random.Next(4); m > 0; m--)
                {
                    buffer[random.Next(length)] = (byte)random.Next(256);
                }
            }

            _reader.Read(buffer.AsSpan(0, length));
            if (i % 1000 == 0)
            {
                _reader.Reset();
            }
        }

        Read(SpecExamples.HelloLine, SpecExamples.Telemetry1043Line);
        Assert.Equal(SpecExamples.Telemetry1043, _sink.Telemetry.Last());
        Assert.True(_counts.TotalRejected > 10_000);
    }

    [Fact]
    public void ValidTelemetryStream_AllocatesNothingPerLine()
    {
        var lines = Bytes(string.Concat(Enumerable.Range(0, 100).Select(i => Telemetry(seq: (2000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        var reader = new CcpSerialReader(new NullSink());
        reader.Read(Bytes(SpecExamples.HelloLine + SpecExamples.Telemetry1042Line));
        reader.Read(lines[..(lines.Length / 2)]);
        reader.Reset();
        reader.Read(Bytes(SpecExamples.HelloLine + SpecExamples.Telemetry1042Line));

        var before = GC.GetAllocatedBytesForCurrentThread();
        reader.Read(lines);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private void Read(params string[] lines)
    {
        foreach (var line in lines)
        {
            _reader.Read(Bytes(line));
        }
    }

    private sealed class NullSink : ICcpMessageSink
    {
        public void OnHello(ControllerHello hello)
        {
        }

        public void OnTelemetry(in TelemetrySample sample)
        {
        }

        public void OnEvent(ControllerEvent controllerEvent)
        {
        }

        public void OnHelloNeeded(string controllerId)
        {
        }
    }
}
