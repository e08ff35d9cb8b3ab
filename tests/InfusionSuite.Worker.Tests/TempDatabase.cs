namespace InfusionSuite.Worker.Tests;

/// <summary>A real SQLite file in a fresh temp folder, deleted afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("infusionsuite-worker-");

    public string Path => System.IO.Path.Combine(_folder.FullName, "worker.db");

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
