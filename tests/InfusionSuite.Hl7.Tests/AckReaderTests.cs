using InfusionSuite.Hl7.Transport;

namespace InfusionSuite.Hl7.Tests;

public sealed class AckReaderTests
{
    [Fact]
    public void AcceptedAck_IsAccepted()
    {
        var ack = Hl7AckReader.Read("MSH|^~\\&|EPIC|NORTH|INFUSIONSUITE|NORTH-ONC|20261127130001||ACK^R01^ACK|A1|P|2.5.1\rMSA|AA|C1\r", "C1");

        Assert.True(ack.Accepted);
        Assert.Null(ack.Text);
    }

    [Fact]
    public void ErrorAck_CarriesMsa3AndTheErrUserMessageUnescaped()
    {
        var ack = Hl7AckReader.Read(
            "MSH|^~\\&|E|F|I|N|20261127130001||ACK^P03^ACK|A1|P|2.5.1\rMSA|AE|C1|Unknown account\rERR|||103^Table value not found^HL70357|E||||Visit V\\F\\1 is closed\r",
            "C1");

        Assert.False(ack.Accepted);
        Assert.Equal("AE", ack.Code);
        Assert.Equal("Unknown account; Visit V|1 is closed", ack.Text);
    }

    [Fact]
    public void ErrWithoutUserMessage_GivesTheErrorCodeText()
    {
        var ack = Hl7AckReader.Read("MSH|^~\\&|E|F|I|N|1||ACK|A1|P|2.5.1\rMSA|AR|C1\rERR|||200^Unsupported message type^HL70357|E\r", "C1");

        Assert.Equal("AR", ack.Code);
        Assert.Equal("Unsupported message type", ack.Text);
    }

    [Fact]
    public void AckOfAnotherMessage_IsNotTakenAsDelivery()
    {
        var failure = Assert.Throws<Hl7DeliveryException>(() => Hl7AckReader.Read("MSH|^~\\&|E|F|I|N|1||ACK|A1|P|2.5.1\rMSA|AA|C0\r", "C1"));

        Assert.Contains("'C0'", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("MSH|^~\\&|E|F|I|N|1||ACK|A1|P|2.5.1\r")]
    [InlineData("MSH|^~\\&|E|F|I|N|1||ACK|A1|P|2.5.1\rMSA|OK|C1\r")]
    public void AnswerThatIsNoAck_IsADeliveryFailure(string answer)
    {
        Assert.Throws<Hl7DeliveryException>(() => Hl7AckReader.Read(answer, "C1"));
    }
}
