namespace InfusionSuite.Storage;

/// <summary>One controller's presence as its site's owner last wrote it (<c>controller_presence</c>).</summary>
/// <param name="Online">What the owner heard: online or offline.</param>
/// <param name="Live">The lease the owner held when it wrote the row is still live (same worker, same fencing number, not run out).</param>
internal readonly record struct OwnerReport(bool Online, bool Live);
