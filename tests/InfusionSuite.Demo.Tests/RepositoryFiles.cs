namespace InfusionSuite.Demo.Tests;

/// <summary>Files of the repository the tests run from (found by walking up to InfusionSuite.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "InfusionSuite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InfusionSuite.sln not found above " + AppContext.BaseDirectory);
    }
}
