namespace InfusionSuite.LoadTest;

/// <summary><c>serial</c>: not yet.</summary>
internal static class SerialLoadRun
{
    public static Task<int> RunAsync(LoadArguments arguments, Workspace workspace, LoadReport report, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
