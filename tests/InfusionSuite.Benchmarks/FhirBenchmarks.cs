using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Model;
using InfusionSuite.Application.Outbox;
using InfusionSuite.Domain.Sessions;
using InfusionSuite.Fhir;
using InfusionSuite.Fhir.Mapping;
using InfusionSuite.Fhir.Validation;

namespace InfusionSuite.Benchmarks;

/// <summary>
/// The session's way to the EHR: the transaction Bundle built from a completed record and
/// serialised to JSON, and a warm validation (the definitions loaded once, in the setup).
/// </summary>
[MemoryDiagnoser]
public class FhirBenchmarks
{
    private readonly SessionBundleMapper _mapper = new(new FhirMappingOptions());
    private ScalpCoolingSessionRecord _record = null!;
    private SessionFhirContext _context = null!;
    private FhirResourceValidator _validator = null!;
    private Bundle _bundle = null!;
    private Procedure _placement = null!;

    [GlobalSetup]
    public void Setup()
    {
        _record = BenchmarkSession.Completed(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        _context = BenchmarkSession.Context(_record);
        _bundle = _mapper.Map(_record, _context);
        _placement = _bundle.Entry.Select(e => e.Resource).OfType<Procedure>().First();
        _validator = new FhirResourceValidator(TimeProvider.System);
        var report = _validator.Validate(_bundle);
        if (report.Issues.Any(i => i.IsError))
        {
            throw new InvalidOperationException("The benchmark Bundle does not validate: " + string.Join("; ", report.Issues.Select(i => i.Message)));
        }
    }

    [Benchmark]
    public Bundle BuildBundle() => _mapper.Map(_record, _context);

    [Benchmark]
    public string BuildAndSerialiseBundle() => FhirJson.Serialize(_mapper.Map(_record, _context));

    [Benchmark]
    public PayloadValidationReport ValidateProcedureWarm() => _validator.Validate(_placement);

    [Benchmark]
    public PayloadValidationReport ValidateBundleWarm() => _validator.Validate(_bundle);
}
