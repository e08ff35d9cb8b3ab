using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Rest;
using InfusionSuite.Fhir.Mapping;

namespace InfusionSuite.Fhir.Tests;

/// <summary>Reads back what the test FHIR server holds, as an EHR interface analyst would.
/// Its requests carry <c>X-Test-Reader: 1</c>, so the server's capability modes never refuse them.</summary>
internal sealed class FhirServerReader : IDisposable
{
    private readonly HttpClient _http;
    private readonly FhirClient _client;

    public FhirServerReader(FhirServerFixture server)
    {
        _http = new HttpClient();
        _http.DefaultRequestHeaders.Add("X-Test-Reader", "1");
        _client = new FhirClient(server.FhirBase, _http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });
    }

    public async Task<string> CreateAsync<T>(T resource)
        where T : Resource => (await _client.CreateAsync(resource))!.Id!;

    /// <summary>The MRN system of the patients <see cref="CreatePatientAsync"/> makes.</summary>
    public const string MrnSystem = "urn:oid:1.2.36.146.595.217.0.1";

    public async Task<string> CreatePatientAsync(string mrn)
    {
        var patient = await _client.CreateAsync(new Patient { Identifier = [new Identifier(MrnSystem, mrn)] });
        return patient!.Id!;
    }

    /// <summary>
    /// Makes the server hold each referenced resource (see <see cref="TestEhrChart"/>): one by EHR id is created with that id
    /// when missing, one by identifier created with it when no resource has it. The first Patient is the subject of the others.
    /// </summary>
    public async Task HoldAsync(IEnumerable<EhrReference> references)
    {
        var all = references.ToList();
        var patient = "Patient/unknown";
        foreach (var reference in all.OrderBy(r => r.ResourceType == "Patient" ? 0 : 1))
        {
            string literal;
            if (reference.Id is { } id)
            {
                literal = $"{reference.ResourceType}/{id}";
                using var read = await _http.GetAsync(new Uri(_client.Endpoint, literal));
                if (!read.IsSuccessStatusCode)
                {
                    var resource = TestEhrChart.Minimal(reference.ResourceType, patient);
                    resource.Id = id;
                    await _client.UpdateAsync(resource);
                }
            }
            else
            {
                var type = reference.ResourceType;
                var found = await _client.SearchAsync(type, [$"identifier={reference.IdentifierSystem}|{reference.IdentifierValue}"]);
                var existing = found!.Entry.Select(e => e.Resource).FirstOrDefault(r => r?.TypeName == type);
                if (existing is null)
                {
                    existing = await _client.CreateAsync(TestEhrChart.Minimal(type, patient, new Identifier(reference.IdentifierSystem, reference.IdentifierValue)));
                }

                literal = $"{type}/{existing!.Id}";
            }

            if (reference.ResourceType == "Patient" && patient == "Patient/unknown")
            {
                patient = literal;
            }
        }
    }

    /// <summary>Makes the server hold everything the session's Bundle refers to (<see cref="TestEhrChart.ReferencesOf"/>).</summary>
    public Task HoldAsync(InfusionSuite.Domain.Sessions.ScalpCoolingSessionRecord record, SessionFhirContext context) =>
        HoldAsync(TestEhrChart.ReferencesOf(record, context));

    public async Task<List<T>> SearchAsync<T>(params string[] criteria)
        where T : Resource, new()
    {
        var bundle = await _client.SearchAsync<T>(criteria);
        return [.. bundle!.Entry.Select(e => e.Resource).OfType<T>()];
    }

    public Task<List<T>> ByIdentifierAsync<T>(string sessionId, string suffix)
        where T : Resource, new() =>
        SearchAsync<T>($"identifier={new FhirMappingOptions().SessionIdentifierSystem}|{sessionId}/{suffix}");

    public async Task<T> ReadAsync<T>(string id)
        where T : Resource, new() => (await _client.ReadAsync<T>($"{ModelInfo.GetFhirTypeNameForType(typeof(T))}/{id}"))!;

    /// <summary>Every Device, Procedure, Observation and ChargeItem on the server for a patient (and the Devices).</summary>
    public async Task<Dictionary<string, int>> CountsForPatientAsync(string patientId) => new(StringComparer.Ordinal)
    {
        ["Device"] = (await SearchAsync<Device>()).Count,
        ["Procedure"] = (await SearchAsync<Procedure>($"patient=Patient/{patientId}")).Count,
        ["Observation"] = (await SearchAsync<Observation>($"patient=Patient/{patientId}")).Count,
        ["ChargeItem"] = (await SearchAsync<ChargeItem>($"patient=Patient/{patientId}")).Count,
    };

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }
}
