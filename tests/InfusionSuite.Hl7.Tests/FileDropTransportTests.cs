using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Transport;

namespace InfusionSuite.Hl7.Tests;

public sealed class FileDropTransportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hl7-drop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task MessageResent_IsOneFileNamedByItsControlId()
    {
        var record = Hl7Sessions.Completed("drop-1");
        var message = Hl7Sessions.Messages().Observations(record, Hl7Sessions.Context(record));
        var transport = new FileDropTransport(new Hl7Options { Transport = Hl7TransportMode.File, Folder = _folder });

        var first = await transport.SendAsync(message, CancellationToken.None);
        var second = await transport.SendAsync(message, CancellationToken.None);

        Assert.True(first.Accepted && second.Accepted);
        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(message.ControlId + ".hl7", Path.GetFileName(file));
        Assert.Equal(message.Text, await File.ReadAllTextAsync(file));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
