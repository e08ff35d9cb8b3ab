namespace InfusionSuite.Application.Controllers;

/// <summary>Why a controller's presence changed (CCP/1 section 4).</summary>
public enum PresenceReason : byte
{
    /// <summary>A valid message came from a controller that was offline or unknown.</summary>
    MessageReceived,

    /// <summary>Its MQTT status said <c>online:false</c> (usually its Last Will).</summary>
    StatusOffline,

    /// <summary>Nothing came from it for the configured offline-after time.</summary>
    Silent,

    /// <summary>Its serial port closed or vanished.</summary>
    PortClosed,
}
