using InfusionSuite.Hl7.Configuration;
using InfusionSuite.Hl7.Messages;

namespace InfusionSuite.Hl7.Transport;

/// <summary>
/// A file-drop interface: each message becomes <c>{control id}.hl7</c> in the folder, written to a
/// temporary name and renamed, so the engine never picks up half a file and a resend replaces the
/// same file instead of adding a second one. A written file counts as accepted.
/// </summary>
public sealed class FileDropTransport(Hl7Options options) : IHl7Transport
{
    public async Task<Hl7Acknowledgement> SendAsync(Hl7OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = options.Folder!;
        var path = Path.Combine(folder, message.ControlId + ".hl7");
        var temporary = Path.Combine(folder, "." + message.ControlId + ".tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(temporary, message.Text, new System.Text.UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Hl7DeliveryException($"Could not write to the drop folder: {e.Message}", e);
        }

        return new Hl7Acknowledgement("AA", message.ControlId, null);
    }
}
