using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Application.Ports;
using InfusionSuite.Application.Staff;
using InfusionSuite.Storage.Outbox;
using InfusionSuite.Storage.PostgreSql;
using InfusionSuite.Storage.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Storage;

/// <summary>Registers the storage (SQLite or PostgreSQL, by <c>Storage:Provider</c>) behind the application's storage ports.</summary>
public static class StorageRegistration
{
    /// <summary>The <c>/health/ready</c> tag of the database check.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds the database <c>Storage:Provider</c> names (validated at start): the SQLite file at
    /// <c>Storage:DatabasePath</c> (WAL) or the PostgreSQL database of <c>Storage:ConnectionString</c>, each
    /// with its own migrations applied at start; <see cref="IIngestStore"/>, <see cref="ISessionHistory"/>, the nurse
    /// station's <see cref="ISessionDirectory"/>, <see cref="IPatientCourses"/>, <see cref="ICourseRecords"/>, <see cref="IPatientNames"/> and
    /// <see cref="IStaffAccounts"/>, the <see cref="IOutbox"/> and the staff actions on its parked items
    /// (<see cref="ParkedItemActions"/>, audited) (opaque payloads; what an ended session adds to
    /// it comes from the <see cref="ISessionEndParticipant"/>s registered elsewhere, e.g. <c>AddEhrDelivery()</c>),
    /// and a database health check tagged <see cref="ReadyTag"/> (reachable, no migration pending).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<SiteLeaseOptions>().BindConfiguration(SiteLeaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiteLeaseOptions>, SiteLeaseOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(Application.Hosting.IoTime.System); // the database's waits and retries are real time, whatever the host's clock
        services.TryAddSingleton<SqliteConnections>();
        services.TryAddSingleton<DatabaseInitializer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Application.Hosting.IExclusiveClaim, SqliteServingClaim>()); // one serving host per SQLite file
        services.TryAddSingleton<PostgreSqlConnections>();
        services.TryAddSingleton<PostgreSqlInitializer>();
        services.TryAddSingleton<DatabaseConnections>(sp => Provider(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<PostgreSqlConnections>()
            : sp.GetRequiredService<SqliteConnections>());
        services.TryAddSingleton<IDatabaseMigrator>(sp => Provider(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<PostgreSqlInitializer>()
            : sp.GetRequiredService<DatabaseInitializer>());
        services.TryAddSingleton<IStorageOutages>(sp => Provider(sp) == StorageProvider.PostgreSql ? new PostgreSqlOutages() : new NoStorageOutages());
        services.TryAddSingleton<Application.Hosting.DatabaseOutage>();
        services.AddHostedService<MigrateAtStart>();
        services.AddHostedService<SiteLeaseKeeper>();
        services.TryAddSingleton<NodeNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeNotifications>());
        services.AddHostedService<NurseCommandInbox>();
        services.AddHostedService<SessionChangesOnBoard>();
        services.TryAddSingleton<OwnersPresence>();
        services.TryAddSingleton<IOwnersPresence>(sp => sp.GetRequiredService<OwnersPresence>());
        services.AddHostedService<OwnersPresenceReader>();
        services.TryAddSingleton<ISiteOwnership, SiteOwnershipReader>();
        services.TryAddSingleton<SiteLeaseMetrics>();
        services.AddSingleton<INurseCommandRelay, NurseCommandRelay>();
        services.AddSingleton<IWriterLease>(sp => sp.GetRequiredService<DatabaseConnections>() is PostgreSqlConnections postgreSql
            ? postgreSql.Leases
            : new AlwaysHeldWriterLease());
        services.AddDbContextFactory<InfusionSuiteDbContext>((sp, options) =>
        {
            sp.GetRequiredService<DatabaseConnections>().ConfigureContext(options);
            // A failed connection or query is the caller's to report (DatabaseOutage's one line, a 503, or the host's error log
            // with its context): EF Core's own error lines, with their stack traces, would say it again (issue 18's trial).
            options.ConfigureWarnings(w => w.Log(
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.CommandError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        });
        services.TryAddSingleton<IngestStore>();
        services.TryAddSingleton<IIngestStore>(sp => sp.GetRequiredService<IngestStore>());
        services.TryAddSingleton<ISessionHistory, SqliteSessionHistory>();
        services.TryAddSingleton<ISessionDirectory, SqliteSessionDirectory>();
        services.TryAddSingleton<IPatientCourses, PatientCourses>();
        services.AddSingleton<ICourseLookup, CourseLookup>();
        services.AddSingleton<IPatientNames, SqlitePatientNames>();
        services.TryAddSingleton<ICourseRecords, SqliteCourseRecords>();
        services.TryAddSingleton<SqliteOutbox>();
        services.TryAddSingleton<IOutbox>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.TryAddSingleton<IOutboxStaffActions>(sp => sp.GetRequiredService<SqliteOutbox>());
        services.TryAddSingleton<ParkedItemActions>();
        services.TryAddSingleton<IStaffAccounts, SqliteStaffAccounts>();
        services.TryAddSingleton<ISignInSessions, SqliteSignInSessions>();
        // Reachable, and at this version's schema (migrated at start; an older node meeting a newer schema still serves).
        services.AddHealthChecks().AddDbContextCheck<InfusionSuiteDbContext>(
            "database", tags: [ReadyTag], customTestQuery: async (db, ct) => !(await db.Database.GetPendingMigrationsAsync(ct)).Any());
        return builder;
    }

    private static StorageProvider Provider(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
