using BenchmarkDotNet.Attributes;
using InfusionSuite.Devices.Protocol;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Benchmarks;

[MemoryDiagnoser]
public class SerialBenchmarks
{
    public const int LinesPerChunk = 1000;

    private readonly CcpLineParser _parser = new();
    private readonly byte[] _line = CcpBenchmarkData.TelemetryLine;
    private readonly byte[] _chunk = CcpBenchmarkData.Stream(LinesPerChunk, 0);
    private readonly byte[] _lineBuffer = new byte[CcpSerialWriter.MaxLineLength];
    private CcpSerialReader _reader = null!;
    private CountingSink _sink = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sink = new CountingSink();
        _reader = new CcpSerialReader(_sink);
    }

    /// <summary>One valid CCT line through the stateless parser.</summary>
    [Benchmark]
    public uint ParseTelemetryLine()
    {
        _parser.Parse(_line, out var frame);
        return frame.Seq;
    }

    /// <summary>A CCH and 1000 CCT lines as one chunk through the per-port reader (split, parse, boot, hand on).</summary>
    [Benchmark(OperationsPerInvoke = LinesPerChunk + 1)]
    public int ReadChunkOf1000Lines()
    {
        _reader.Reset();
        _reader.Read(_chunk);
        return _sink.Count;
    }

    /// <summary>Formats one CCT line with its checksum.</summary>
    [Benchmark]
    public int WriteTelemetryLine() => CcpSerialWriter.Write(CcpBenchmarkData.Sample, _lineBuffer);

    private sealed class CountingSink : ICcpMessageSink
    {
        public int Count { get; private set; }

        public void OnHello(ControllerHello hello) => Count++;

        public void OnTelemetry(in TelemetrySample sample) => Count++;

        public void OnEvent(ControllerEvent controllerEvent) => Count++;

        public void OnHelloNeeded(string controllerId) => Count++;
    }
}
