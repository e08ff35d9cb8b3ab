using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Storage.Outbox;
using InfusionSuite.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace InfusionSuite.Storage;

/// <summary>Registers SQLite storage behind the application's storage ports.</summary>
public static class StorageRegistration
{
    /// <summary>The <c>/health/ready</c> tag of the database check.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds the SQLite database at <c>Storage:DatabasePath</c> (validated at start): migrations
    /// applied at start (WAL), <see cref="IIngestStore"/>, <see cref="ISessionHistory"/>, the nurse
    /// station's <see cref="ISessionDirectory"/>, <see cref="IPatientCourses"/>, <see cref="ICourseRecords"/>, <see cref="IPatientNames"/> and
    /// <see cref="IStaffAccounts"/>, the <see cref="IOutbox"/> and the staff actions on its parked items
    /// (<see cref="ParkedItemActions"/>, audited) (opaque payloads; what an ended session adds to
    /// it comes from the <see cref="ISessionEndParticipant"/>s registered elsewhere, e.g. <c>AddEhrDelivery()</c>),
    /// and a database health check tagged <see cref="ReadyTag"/>.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteConnections>();
        services.AddDbContextFactory<InfusionSuiteDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<SqliteConnections>().ConnectionString));
        services.TryAddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.TryAddSingleton<SqliteIngestStore>();
        services.TryAddSingleton<IIngestStore>(sp => sp.GetRequiredService<SqliteIngestStore>());
        services.TryAddSingleton<ISessionHistory, SqliteSessionHistory>();
        services.TryAddSingleton<ISessionDirectory, SqliteSessionDirectory>();
        services.TryAddSingleton<IPatientCourses, SqlitePatientCourses>();
        services.AddSingleton<ICourseLookup, SqliteCourseLookup>();
        services.TryAddSingleton<IPatientNames, SqlitePatientNames>();
        services.TryAddSingleton<ICourseRecords, SqliteCourseRecords>();
        services.TryAddSingleton<SqliteOutbox>();
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.TryAddSingleton<IOutboxStaffActions>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.TryAddSingleton<ParkedItemActions>();
        services.TryAddSingleton<IStaffAccounts, SqliteStaffAccounts>();
        services.TryAddSingleton<IDatabaseMigrator>(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.AddHealthChecks().AddDbContextCheck<InfusionSuiteDbContext>("database", tags: [ReadyTag]);
        return builder;
    }
}
