using InfusionSuite.Application.Courses;
using InfusionSuite.Application.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Outcomes;

/// <summary>The hook <c>AddEhrDelivery</c> calls: outcome assessments go to the EHR as Observations.</summary>
internal static class CourseOutcomeRegistration
{
    public static void AddFhirCourseOutcomes(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CourseOutcomeBundle(sp.GetRequiredService<IOptions<FhirMappingOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICourseOutcomeParticipant, FhirCourseOutcomeParticipant>(sp => new FhirCourseOutcomeParticipant(
            sp.GetRequiredService<CourseOutcomeBundle>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<IStaffAccounts>())));
    }
}
