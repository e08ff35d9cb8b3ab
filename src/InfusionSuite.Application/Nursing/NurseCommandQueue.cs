using System.Threading.Channels;

namespace InfusionSuite.Application.Nursing;

/// <summary>Nurse actions on their way to the single writer (bounded; callers wait when it is full).</summary>
internal sealed class NurseCommandQueue
{
    private readonly Channel<NurseCommand> _channel = Channel.CreateBounded<NurseCommand>(
        new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<NurseCommand> Reader => _channel.Reader;

    public async Task<NurseActionResult> SendAsync(NurseCommand command, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(command, cancellationToken);
        return await command.Completion.WaitAsync(cancellationToken);
    }
}
