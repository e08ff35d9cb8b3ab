using System.Globalization;
using InfusionSuite.Hl7.Messages;
using Microsoft.Extensions.Time.Testing;

namespace InfusionSuite.Hl7.Tests;

/// <summary>
/// Writes the example messages that docs/integration.md shows, from a simulated session encoded
/// by the real encoder (never by hand), and holds that the files match it: when the encoder changes,
/// the test rewrites the file and fails once, so the change is reviewed and committed. Segments are
/// written one per line (LF) for reading; on the wire each ends with a carriage return.
/// </summary>
public sealed class DocumentedExampleTests
{
    private const string Note = "Tolerated well; asked for a blanket & warm tea at 10:15.";

    [Fact]
    public void FirstOfCourseSession_IsWrittenAsTheDocumentedOruAndDft()
    {
        var record = Hl7Sessions.Completed("2f0c9a4e-example");

        var messages = Example().For(record, Hl7Sessions.Context(record, Note));

        Assert.Equal(["ORU^R01", "DFT^P03", "DFT^P03"], messages.Select(m => m.MessageType));
        AssertDocumented("hl7-oru-r01.hl7", messages[0]);
        AssertDocumented("hl7-dft-p03.hl7", messages[1]);
    }

    [Fact]
    public void VoidOfThatSession_IsWrittenAsTheDocumentedCredit()
    {
        var (completed, voided) = Hl7Sessions.CompletedThenVoided("2f0c9a4e-example");
        var messages = Example();
        var charged = messages.For(completed, Hl7Sessions.Context(completed)).Where(m => m.Posting is not null).Select(m => m.Posting!.Line).ToList();

        var credits = messages.For(voided, Hl7Sessions.Context(voided) with { Charged = charged, Correction = true });

        AssertDocumented("hl7-dft-p03-credit.hl7", credits[1]);
    }

    [Fact]
    public void Session2026_ItsTimeUnitsAreWrittenAsTheDocumentedDft()
    {
        var record = Hl7Sessions.Completed("2f0c9a4e-example");

        var messages = Example().For(record, Hl7Sessions.Context(record, Note) with { Charges = Hl7Sessions.Charges2026(record) });

        Assert.Equal(["97008", "97009", "97007"], messages.Skip(1).Select(m => m.Posting!.Line.Code));
        AssertDocumented("hl7-dft-p03-97009.hl7", messages[2]);
    }

    private static SessionMessages Example()
    {
        var next = 0;
        return new SessionMessages(Hl7Sessions.Options(), Hl7Sessions.NewYork, new FakeTimeProvider(Hl7Sessions.Morning.AddHours(4)))
        {
            NewControlId = () => string.Create(CultureInfo.InvariantCulture, $"EXAMPLE{++next:D13}"),
        };
    }

    private static void AssertDocumented(string fileName, Hl7OutgoingMessage message)
    {
        var text = message.Text.Replace("\r", "\n", StringComparison.Ordinal);
        var path = Path.Combine(RepositoryRoot(), "docs", "examples", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var documented = File.Exists(path) ? File.ReadAllText(path) : null;
        if (documented != text)
        {
            File.WriteAllText(path, text);
        }

        Assert.True(documented == text, $"docs/examples/{fileName} did not match the encoder and has been rewritten: review and commit it.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfusionSuite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InfusionSuite.sln was not found above the test output folder.");
    }
}
