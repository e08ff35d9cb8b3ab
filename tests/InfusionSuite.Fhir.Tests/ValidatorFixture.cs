using InfusionSuite.Fhir.Validation;

namespace InfusionSuite.Fhir.Tests;

/// <summary>One Firely validator for the test run: loading the R4 definitions takes seconds.</summary>
public sealed class ValidatorFixture
{
    public ValidatorFixture()
    {
        Validator = new FhirResourceValidator(TimeProvider.System);
        Validator.Validate(new Hl7.Fhir.Model.Patient());
    }

    internal FhirResourceValidator Validator { get; }
}

[CollectionDefinition(Name)]
public sealed class ValidatorCollection : ICollectionFixture<ValidatorFixture>
{
    public const string Name = "FHIR validator";
}
