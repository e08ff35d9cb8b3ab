namespace InfusionSuite.LoadTest;

/// <summary>A temp folder for one run: the database, the broker's configuration, logs. Deleted at the end unless kept.</summary>
internal sealed class Workspace(bool keep) : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("infusionsuite-load-").FullName;

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        if (keep)
        {
            Console.WriteLine($"kept: {Directory}");
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }
}
