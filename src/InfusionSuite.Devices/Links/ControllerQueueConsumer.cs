using InfusionSuite.Application.Controllers;

namespace InfusionSuite.Devices.Links;

/// <summary>Who reads <see cref="ControllerMessageQueue"/> (see <see cref="ControllerLinksRegistration"/>).</summary>
public enum ControllerQueueConsumer
{
    /// <summary>
    /// The interim <see cref="AcknowledgingMessagePump"/>: hands each message to the registered
    /// <see cref="IControllerMessageHandler"/>s and then acknowledges it.
    /// </summary>
    AcknowledgingPump,

    /// <summary>
    /// The caller registers its own single reader of <see cref="ControllerMessageQueue.Reader"/>, which
    /// completes each message's acknowledgement once the message is durably stored (the ingest worker).
    /// </summary>
    Registered,
}
