namespace InfusionSuite.Application.Hosting;

/// <summary>
/// Something a serving host must have to itself: its listening ports, its database file. <see cref="ServiceRun"/> claims every
/// one before anything stored changes (before the migrations, before any worker starts), so that a second host or demo started
/// on the same data or port stops at once with one line naming what is taken (a <see cref="ResourceInUseException"/>), having
/// changed nothing of the running one's.
/// </summary>
public interface IExclusiveClaim
{
    /// <summary>Claims the resource for the life of this host, or throws <see cref="ResourceInUseException"/> when another process holds it.</summary>
    Task ClaimAsync(CancellationToken cancellationToken);
}
