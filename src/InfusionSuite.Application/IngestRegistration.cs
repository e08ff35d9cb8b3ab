using InfusionSuite.Application.Billing;
using InfusionSuite.Application.Board;
using InfusionSuite.Application.Configuration;
using InfusionSuite.Application.Controllers;
using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Hosting;
using InfusionSuite.Application.Ingest;
using InfusionSuite.Application.Nursing;
using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Billing;
using InfusionSuite.Domain.Courses;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfusionSuite.Application;

/// <summary>Registers the ingest writer, the nurse actions, the chair board and the session clock.</summary>
public static class IngestRegistration
{
    /// <summary>
    /// Adds the single ordered writer (reading the <see cref="ControllerMessageQueue"/>: register the
    /// links with <c>AddControllerLinks(ControllerQueueConsumer.Registered)</c>, which also provide
    /// <see cref="IControllerPresence"/> and <see cref="IDuplicateMessageCounter"/>), <see cref="INurseActions"/>,
    /// <see cref="IChairBoard"/>, <see cref="IBoardNotifications"/>, the session clock and the ingest
    /// metrics. Options <c>Ingest</c>, <c>Sessions</c>, <c>Billing</c> and <c>Courses</c> are validated at start.
    /// Needs an <see cref="Ports.IIngestStore"/> and <see cref="Ports.ISessionHistory"/> (e.g. <c>AddStorage()</c>).
    /// </summary>
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(IoTime.System); // the database's retry waits are real time, whatever the host's clock
        services.AddMetrics();

        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>());
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SessionOptions>, SessionOptionsValidator>());
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>());
        services.TryAddSingleton<BillingPolicy>(sp => sp.GetRequiredService<IOptions<BillingOptions>>().Value.ToPolicy());
        services.TryAddSingleton<SessionBillingQuery>();
        services.AddOptions<CourseOptions>().BindConfiguration(CourseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CoursePolicy>(sp => sp.GetRequiredService<IOptions<CourseOptions>>().Value.ToPolicy());
        services.TryAddSingleton<CourseSummaries>();
        services.TryAddSingleton<CourseQueries>();
        services.TryAddSingleton<CourseDocumentation>();

        services.TryAddSingleton(_ => new ControllerMessageQueue());
        services.TryAddSingleton<SessionPolicySource>();
        services.TryAddSingleton<NurseCommandQueue>();
        services.TryAddSingleton<NurseActions>();
        services.TryAddSingleton<INurseActions>(sp => sp.GetRequiredService<NurseActions>());
        services.TryAddSingleton<ILocalNurseActions>(sp => sp.GetRequiredService<NurseActions>());
        services.TryAddSingleton<INurseCommandRelay, NoNurseCommandRelay>();
        services.TryAddSingleton<SessionBoard>();
        services.TryAddSingleton<ControllerReadings>();
        services.TryAddSingleton<BoardNotifications>();
        services.TryAddSingleton<IBoardNotifications>(sp => sp.GetRequiredService<BoardNotifications>());
        services.TryAddSingleton<IChairBoard, ChairBoard>();
        services.TryAddSingleton<IBoardRefresh, BoardRefresh>();
        services.TryAddSingleton(sp => new IngestMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<ControllerMessageQueue>(),
            sp.GetRequiredService<SessionBoard>()));
        services.TryAddSingleton<IngestState>();
        services.TryAddSingleton<SessionRegistry>();
        services.TryAddSingleton<IStorageOutages, NoStorageOutages>();
        services.TryAddSingleton<Hosting.DatabaseOutage>();
        services.TryAddSingleton<BatchCommitter>();
        services.TryAddSingleton<PendingBatch>();
        services.TryAddSingleton<IConfiguredControllers, NoConfiguredControllers>();
        services.TryAddSingleton<ControllerAdmission>();
        services.TryAddSingleton<ControllerMessageRouter>();
        services.TryAddSingleton<SessionStart>();
        services.TryAddSingleton<ICourseLookup, NoStoredCourses>();
        services.TryAddSingleton<IPatientNames, NoPatientNames>();
        services.TryAddSingleton<NurseCommandHandler>();
        services.TryAddSingleton<UnassignedSweep>();
        services.AddHostedService<IngestWriter>();
        services.AddHostedService<SessionClock>();
        return builder;
    }
}
