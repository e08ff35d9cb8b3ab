using InfusionSuite.Application.Billing;

namespace InfusionSuite.Application.Tests;

/// <summary>The one check of billing details staff enter: each problem named by its field.</summary>
public sealed class BillingDetailsValidationTests
{
    [Theory]
    [InlineData("1234567893", true)] // CMS's example NPI
    [InlineData("1234567890", false)] // wrong check digit
    [InlineData("123456789", false)]
    [InlineData("12345678AB", false)]
    public void Npi_TenDigitsWithTheLuhnCheckDigitOverPrefix80840(string npi, bool valid) =>
        Assert.Equal(valid, BillingDetailsValidation.IsNpi(npi));

    [Theory]
    [InlineData("C50.911", true)]
    [InlineData("Z51.11", true)]
    [InlineData("C50", true)]
    [InlineData("C50.", false)]
    [InlineData("50.911", false)]
    [InlineData("C50.91123", false)]
    [InlineData("c50.911", false)]
    public void Icd10Cm_ByForm(string code, bool valid) =>
        Assert.Equal(valid, BillingDetailsValidation.IsIcd10Cm(code));

    [Fact]
    public void Entry_IsTrimmed_DiagnosesUpperCasedOnce_EmptyFieldsKeepWhatTheSessionHas()
    {
        var (visit, details, errors) = BillingDetailsValidation.Check(new(" V-5501 ", " 1234567893", ["c50.911", "C50.911 ", "", "z51.11"], null));

        Assert.Empty(errors);
        Assert.Equal("V-5501", visit);
        Assert.Equal("1234567893", details!.OrderingProviderNpi);
        Assert.Equal(["C50.911", "Z51.11"], details.DiagnosisCodes);
        Assert.Null(details.Payer);
    }

    [Theory]
    [InlineData(null, "1234567890", null, "orderingProviderNpi")]
    [InlineData(null, null, "C5", "diagnoses")]
    [InlineData(null, null, null, "visit")]
    public void BadOrNothingGiven_NamesTheField(string? visit, string? npi, string? diagnosis, string field)
    {
        var (_, details, errors) = BillingDetailsValidation.Check(new(visit, npi, diagnosis is null ? null : [diagnosis], null));

        Assert.Null(details);
        Assert.Equal(field, errors[0].Field);
    }
}
