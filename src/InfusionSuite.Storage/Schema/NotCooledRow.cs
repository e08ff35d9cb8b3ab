namespace InfusionSuite.Storage.Schema;

/// <summary>"Chemotherapy given, not cooled" for a course; append-only (triggers refuse UPDATE and DELETE), it is its own audit.</summary>
public sealed class NotCooledRow
{
    public long EntryKey { get; set; }

    public required string EntryId { get; set; }

    public int CourseKey { get; set; }

    /// <summary>UTC milliseconds: when the chemotherapy was given.</summary>
    public long GivenAtMs { get; set; }

    /// <summary><see cref="Domain.Courses.NotCooledReason"/> as a number.</summary>
    public int Reason { get; set; }

    /// <summary>Free text for "other" (never logged).</summary>
    public string? ReasonText { get; set; }

    /// <summary>Opaque user id.</summary>
    public required string NurseId { get; set; }

    public long EnteredAtMs { get; set; }
}
