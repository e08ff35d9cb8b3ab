using System.Text;
using InfusionSuite.Storage.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InfusionSuite.Storage;

/// <summary>
/// The schema (migrations are generated from it) and the read side. The batch write path does not
/// go through change tracking: it uses prepared commands on the same tables.
/// Instants are UTC milliseconds since the Unix epoch in <c>INTEGER</c> columns, so they sort and compare in SQL
/// (the outbox keeps UTC ticks, so the dispatcher's schedule round-trips exactly).
/// </summary>
public sealed class InfusionSuiteDbContext(DbContextOptions<InfusionSuiteDbContext> options) : DbContext(options)
{
    public DbSet<ControllerRow> Controllers => Set<ControllerRow>();

    public DbSet<CourseRow> Courses => Set<CourseRow>();

    public DbSet<PolicyRow> Policies => Set<PolicyRow>();

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<SessionInputRow> SessionInputs => Set<SessionInputRow>();

    public DbSet<TelemetryRow> Telemetry => Set<TelemetryRow>();

    public DbSet<NurseAuditRow> NurseAudit => Set<NurseAuditRow>();

    public DbSet<OutboxRow> Outbox => Set<OutboxRow>();

    public DbSet<OutboxAttemptRow> OutboxAttempts => Set<OutboxAttemptRow>();

    public DbSet<UserRow> Users => Set<UserRow>();

    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();

    public DbSet<SignInRow> SignIns => Set<SignInRow>();

    public DbSet<SignInFailureRow> SignInFailures => Set<SignInFailureRow>();

    public DbSet<PatientRow> Patients => Set<PatientRow>();

    public DbSet<StaffAuditRow> StaffAudit => Set<StaffAuditRow>();

    public DbSet<NotCooledRow> NotCooled => Set<NotCooledRow>();

    public DbSet<OutcomeAssessmentRow> OutcomeAssessments => Set<OutcomeAssessmentRow>();

    public DbSet<AssessmentChangeRow> AssessmentChanges => Set<AssessmentChangeRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ControllerRow>(e =>
        {
            e.ToTable("controllers").HasKey(x => x.ControllerKey);
            e.HasIndex(x => x.ControllerId).IsUnique();
        });
        modelBuilder.Entity<CourseRow>(e =>
        {
            e.ToTable("courses").HasKey(x => x.CourseKey);
            e.HasIndex(x => x.CourseId).IsUnique();
        });
        modelBuilder.Entity<PolicyRow>(e =>
        {
            e.ToTable("policies").HasKey(x => x.PolicyKey);
            e.HasIndex(x => x.Hash).IsUnique();
        });
        modelBuilder.Entity<SessionRow>(e =>
        {
            e.ToTable("sessions").HasKey(x => x.SessionKey);
            e.HasIndex(x => x.SessionId).IsUnique();
            e.HasIndex(x => x.StartedAtMs);
            e.HasIndex(x => x.EndedAtMs);
            e.HasOne<CourseRow>().WithMany().HasForeignKey(x => x.CourseKey);
            e.HasOne<ControllerRow>().WithMany().HasForeignKey(x => x.ControllerKey);
            e.HasOne<PolicyRow>().WithMany().HasForeignKey(x => x.PolicyKey);
        });
        modelBuilder.Entity<SessionInputRow>(e =>
        {
            e.ToTable("session_inputs").HasKey(x => x.IngestSeq);
            e.Property(x => x.IngestSeq).ValueGeneratedNever();
            e.HasIndex(x => x.SessionKey);
            e.HasIndex(x => new { x.ControllerKey, x.Boot, x.Seq, x.TsMs }).IsUnique().HasFilter("seq IS NOT NULL");
        });
        modelBuilder.Entity<TelemetryRow>(e =>
        {
            e.ToTable("telemetry").HasKey(x => x.IngestSeq);
            e.Property(x => x.IngestSeq).ValueGeneratedNever();
            e.HasIndex(x => new { x.ControllerKey, x.Boot, x.Seq, x.TsMs }).IsUnique();
            e.HasIndex(x => x.SessionKey);
        });
        modelBuilder.Entity<NurseAuditRow>(e =>
        {
            e.ToTable("nurse_audit").HasKey(x => x.AuditKey);
            e.HasIndex(x => x.SessionKey);
        });
        modelBuilder.Entity<OutboxRow>(e =>
        {
            e.ToTable("outbox").HasKey(x => x.ItemKey);
            e.Property(x => x.Id).IsRequired();
            e.HasIndex(x => x.Id).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAtTicks });
            e.HasIndex(x => x.SessionId);
            e.HasIndex(x => x.EnqueuedAtTicks);
        });
        modelBuilder.Entity<OutboxAttemptRow>(e =>
        {
            e.ToTable("outbox_attempts").HasKey(x => x.AttemptKey);
            e.HasIndex(x => x.ItemKey);
            e.HasOne<OutboxRow>().WithMany().HasForeignKey(x => x.ItemKey).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable("users").HasKey(x => x.UserKey);
            e.HasIndex(x => x.UserId).IsUnique();
            e.HasIndex(x => x.UserName).IsUnique();
        });
        modelBuilder.Entity<ApiTokenRow>(e =>
        {
            e.ToTable("api_tokens").HasKey(x => x.TokenKey);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserKey);
        });
        modelBuilder.Entity<SignInRow>(e =>
        {
            e.ToTable("sign_ins").HasKey(x => x.SignInKey);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasIndex(x => x.UserKey);
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserKey);
        });
        modelBuilder.Entity<SignInFailureRow>(e =>
        {
            e.ToTable("sign_in_failures").HasKey(x => x.FailureKey);
            e.Property(x => x.Client).HasMaxLength(64);
            e.HasIndex(x => new { x.UserKey, x.Client }).IsUnique();
            e.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserKey);
        });
        modelBuilder.Entity<PatientRow>(e =>
        {
            e.ToTable("patients").HasKey(x => x.PatientKey);
            e.HasIndex(x => x.PatientReference).IsUnique();
        });
        modelBuilder.Entity<StaffAuditRow>(e => e.ToTable("staff_audit").HasKey(x => x.AuditKey));
        modelBuilder.Entity<NotCooledRow>(e =>
        {
            e.ToTable("course_not_cooled").HasKey(x => x.EntryKey);
            e.HasIndex(x => x.EntryId).IsUnique();
            e.HasIndex(x => x.CourseKey);
            e.HasOne<CourseRow>().WithMany().HasForeignKey(x => x.CourseKey);
        });
        modelBuilder.Entity<OutcomeAssessmentRow>(e =>
        {
            e.ToTable("course_assessments").HasKey(x => x.AssessmentKey);
            e.HasIndex(x => x.AssessmentId).IsUnique();
            e.HasIndex(x => x.CourseKey);
            e.HasOne<CourseRow>().WithMany().HasForeignKey(x => x.CourseKey);
        });
        modelBuilder.Entity<AssessmentChangeRow>(e =>
        {
            e.ToTable("course_assessment_changes").HasKey(x => x.ChangeKey);
            e.HasIndex(x => x.ChangeId).IsUnique();
            e.HasIndex(x => x.AssessmentId);
            e.HasIndex(x => x.CourseKey);
            e.HasOne<CourseRow>().WithMany().HasForeignKey(x => x.CourseKey);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join('_', index.Properties.Select(p => SnakeCase(p.Name)))}");
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
