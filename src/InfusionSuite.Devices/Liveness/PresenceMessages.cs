using InfusionSuite.Application.Controllers;
using InfusionSuite.Devices.Links;

namespace InfusionSuite.Devices.Liveness;

/// <summary>Builds presence-change messages from what is known of a controller.</summary>
internal static class PresenceMessages
{
    public static ControllerPresenceChanged Offline(ControllerPresenceEntry entry, PresenceReason reason, DateTimeOffset now) =>
        new(false, reason)
        {
            ControllerId = entry.ControllerId,
            Transport = entry.Transport,
            Site = entry.Site,
            SerialPort = entry.SerialPort,
            ReceivedAt = now,
        };

    public static ControllerPresenceChanged CameOnline(ControllerMessage cause) =>
        new(true, PresenceReason.MessageReceived)
        {
            ControllerId = cause.ControllerId,
            Transport = cause.Transport,
            Site = cause.Site,
            SerialPort = cause.SerialPort,
            ReceivedAt = cause.ReceivedAt,
        };
}
