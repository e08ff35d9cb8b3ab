using System.ComponentModel.DataAnnotations;

namespace InfusionSuite.Storage;

/// <summary>Where the SQLite database lives (<c>Storage:DatabasePath</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database file; its folder is created when missing. Required.</summary>
    [Required(ErrorMessage = "Storage:DatabasePath is required (the SQLite database file).")]
    public string DatabasePath { get; set; } = string.Empty;
}
