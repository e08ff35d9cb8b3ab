namespace InfusionSuite.Testing;

/// <summary>A real SQLite file in a fresh temp folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("infusionsuite-");

    public string Path => System.IO.Path.Combine(_folder.FullName, "infusionsuite.db");

    /// <summary>The folder the database lives in (for other files a test writes beside it).</summary>
    public string Folder => _folder.FullName;

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
