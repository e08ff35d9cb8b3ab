using InfusionSuite.Application.Ports;

namespace InfusionSuite.Application.Ingest;

/// <summary>The names of a writer without storage that keeps them: no name on file for anyone.</summary>
internal sealed class NoPatientNames : IPatientNames
{
    public Task<IReadOnlyDictionary<string, string>> FindAsync(IReadOnlyCollection<string> patientReferences, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal));

    public Task<IReadOnlyDictionary<string, string>> FindForSessionsAsync(IReadOnlyCollection<string> sessionIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(StringComparer.Ordinal));
}
