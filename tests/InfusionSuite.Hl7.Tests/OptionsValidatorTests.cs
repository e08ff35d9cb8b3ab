using InfusionSuite.Hl7.Configuration;

namespace InfusionSuite.Hl7.Tests;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void SiteSettings_AreAccepted()
    {
        Assert.True(new Hl7OptionsValidator().Validate(null, Hl7Sessions.Options()).Succeeded);
    }

    [Fact]
    public void DisabledDefaults_AreAccepted()
    {
        Assert.True(new Hl7OptionsValidator().Validate(null, new Hl7Options()).Succeeded);
    }

    [Theory]
    [InlineData("Version", "Hl7:Version")]
    [InlineData("EncodingCharacters", "Hl7:EncodingCharacters")]
    [InlineData("ReceivingFacility", "Hl7:ReceivingFacility")]
    [InlineData("Host", "Hl7:Host")]
    [InlineData("Folder", "Hl7:Folder")]
    [InlineData("ObservationCodes", "Hl7:ObservationCodes:scalp-temp")]
    [InlineData("AckTimeout", "Hl7:AckTimeout")]
    public void BadSetting_FailsNamingIt(string setting, string named)
    {
        var options = Hl7Sessions.Options();
        switch (setting)
        {
            case "Version": options.Version = "25"; break;
            case "EncodingCharacters": options.EncodingCharacters = "^~"; break;
            case "ReceivingFacility": options.ReceivingFacility = " "; break;
            case "Host": options.Host = null; break;
            case "Folder": options.Transport = Hl7TransportMode.File; break;
            case "ObservationCodes": options.ObservationCodes["scalp-temp"] = new Hl7ObservationCode { Code = "x", CodingSystem = "y" }; break;
            case "AckTimeout": options.AckTimeout = TimeSpan.Zero; break;
        }

        var result = new Hl7OptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
