using System.Buffers;
using BenchmarkDotNet.Attributes;
using InfusionSuite.Devices.Protocol;

namespace InfusionSuite.Benchmarks;

[MemoryDiagnoser]
public class MqttBenchmarks
{
    private readonly CcpMqttParser _parser = new();
    private readonly ReadOnlySequence<byte> _payload = new(CcpBenchmarkData.TelemetryJson);
    private readonly ArrayBufferWriter<byte> _output = new(1024);

    /// <summary>Topic and telemetry payload, read from the ReadOnlySequence MQTTnet hands over.</summary>
    [Benchmark]
    public uint ParseTelemetryPayload()
    {
        _parser.Parse(CcpBenchmarkData.TelemetryTopic, _payload, out var message);
        return message.Telemetry.Seq;
    }

    /// <summary>Writes a telemetry payload with Utf8JsonWriter into a reused buffer.</summary>
    [Benchmark]
    public int WriteTelemetryPayload()
    {
        _output.ResetWrittenCount();
        CcpJsonWriter.WriteTelemetry(_output, CcpBenchmarkData.Sample);
        return _output.WrittenCount;
    }
}
