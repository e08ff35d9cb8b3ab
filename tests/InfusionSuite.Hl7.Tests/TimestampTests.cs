using InfusionSuite.Hl7.Encoding;

namespace InfusionSuite.Hl7.Tests;

public sealed class TimestampTests
{
    [Theory]
    [InlineData("America/New_York", "2026-11-27T14:05:09Z", "20261127090509-0500")]
    [InlineData("America/New_York", "2026-07-01T14:05:09Z", "20260701100509-0400")]
    [InlineData("Asia/Kolkata", "2026-11-27T20:00:00Z", "20261128013000+0530")]
    [InlineData("America/St_Johns", "2026-11-27T12:00:00Z", "20261127083000-0330")]
    [InlineData("UTC", "2026-11-27T14:05:09Z", "20261127140509+0000")]
    public void Instant_IsTheSiteLocalTimeWithItsOffsetAtThatInstant(string zone, string utc, string expected)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Hl7Timestamps.Instant(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)));
    }

    [Fact]
    public void InstantAcrossTheFallBackHour_KeepsTheOffsetThatWasInForce()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var beforeChange = new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero);

        Assert.Equal("20261101013000-0400", Hl7Timestamps.Instant(beforeChange, zone));
        Assert.Equal("20261101013000-0500", Hl7Timestamps.Instant(beforeChange.AddHours(1), zone));
    }

    [Fact]
    public void Date_IsYearMonthDay()
    {
        Assert.Equal("20261127", Hl7Timestamps.Date(new DateOnly(2026, 11, 27)));
    }
}
