using InfusionSuite.Application.Ports;
using InfusionSuite.Domain.Sessions.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionSuite.Storage.Tests;

/// <summary>
/// A session moved to another course (billing.md §4) is stored in it on both engines: a new course is
/// made for the session's own patient, an existing course of that patient is joined.
/// </summary>
public sealed class CourseMoveStorageTests
{
    private static readonly DateTimeOffset Nine = Sessions.Nine;

    [Theory]
    [BothEngines]
    public async Task MovedSession_JoinsANewCourseOfItsPatient_ThenAnExistingOne(StorageProvider engine)
    {
        await using var fixture = new StoreFixture(engine);
        await fixture.OpenAsync();
        var courses = fixture.Services.GetRequiredService<ICourseLookup>();
        var batch = new IngestBatch();
        var build = new Sessions(batch);
        build.Start("s-1", "CHAIR-01", Nine, "MRN-70", course: "course-A");
        var moved = build.Start("s-2", "CHAIR-02", Nine.AddDays(7), "MRN-70", course: "course-A");
        await fixture.Store.CommitAsync(batch, CancellationToken.None);
        Assert.Null(await courses.PatientOfCourseAsync("course-B", CancellationToken.None));

        batch.Clear();
        build.Nurse(moved, new MoveToCourse(Nine.AddDays(7).AddMinutes(5), "nurse-1", "course-B"));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Equal("MRN-70", await courses.PatientOfCourseAsync("course-B", CancellationToken.None));
        Assert.Equal("course-B", await courses.LatestCourseAsync("MRN-70", CancellationToken.None));

        batch.Clear();
        build.Nurse(moved, new MoveToCourse(Nine.AddDays(7).AddMinutes(6), "nurse-1", "course-A"));
        await fixture.Store.CommitAsync(batch, CancellationToken.None);

        Assert.Equal("course-A", await courses.LatestCourseAsync("MRN-70", CancellationToken.None));
        Assert.Equal("MRN-70", await courses.PatientOfCourseAsync("course-A", CancellationToken.None));
    }
}
