namespace InfusionSuite.Application.Ports;

/// <summary>The stored courses of a patient with every session of each, the input to billing.</summary>
public interface IPatientCourses
{
    /// <summary>Every course of the patient and its sessions, in the order they were stored.</summary>
    Task<IReadOnlyList<StoredCourse>> OfPatientAsync(string patientReference, CancellationToken cancellationToken);
}
