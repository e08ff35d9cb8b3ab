using InfusionSuite.Application.Controllers;
using InfusionSuite.Domain.Controllers;

namespace InfusionSuite.Devices.Protocol;

/// <summary>
/// Gives serial CCT/CCE frames the boot of their controller's latest CCH. Frames of a controller
/// whose boot is unknown are held (at most <see cref="MaxHeld"/>) until a CCH comes; they are then
/// released with its boot only if the next frame continues their sequence (seq higher), which shows
/// the CCH was not a restart after them; otherwise they are dropped as <see cref="CcpRejection.NoHello"/>.
/// Every frame of a controller whose boot is unknown asks the sink for a hello (the link rate-limits the asking).
/// </summary>
internal sealed class CcpBootTracker(ICcpMessageSink sink, CcpMetrics? metrics)
{
    public const int MaxHeld = 16;
    public const int MaxControllers = 32;

    private readonly Dictionary<string, Controller> _controllers = new(StringComparer.Ordinal);

    public void Hello(ControllerHello hello)
    {
        metrics?.Accepted(CcpTransport.Serial);
        sink.OnHello(hello);
        if (!TryGet(hello.ControllerId, out var controller))
        {
            return;
        }

        if (controller.HasBoot && controller.Boot != hello.Boot)
        {
            controller.HasSeq = false;
            DropHeld(controller);
        }

        controller.Boot = hello.Boot;
        controller.HasBoot = true;
    }

    public void Frame(in CcpSerialFrame frame)
    {
        if (!TryGet(frame.ControllerId!, out var controller))
        {
            metrics?.Rejected(CcpTransport.Serial, CcpRejection.NoHello);
            return;
        }

        if (controller.HasBoot && controller.Held.Count == 0 && controller.HasSeq && frame.Seq <= controller.LastSeq)
        {
            // The sequence went back without a CCH: most likely a restart whose CCH was lost.
            controller.HasBoot = false;
            controller.HasSeq = false;
        }

        if (!controller.HasBoot)
        {
            // A controller that has not said hello (it missed the link's CCQ, or restarted): ask again.
            Hold(controller, frame);
            sink.OnHelloNeeded(frame.ControllerId!);
            return;
        }

        if (controller.Held.Count > 0)
        {
            if (frame.Seq > controller.Held[^1].Seq)
            {
                foreach (var held in controller.Held)
                {
                    Emit(controller, held);
                }

                controller.Held.Clear();
            }
            else
            {
                DropHeld(controller);
            }
        }

        Emit(controller, frame);
    }

    public void Reset()
    {
        foreach (var controller in _controllers.Values)
        {
            DropHeld(controller);
        }

        _controllers.Clear();
    }

    private void Hold(Controller controller, in CcpSerialFrame frame)
    {
        if (controller.Held.Count > 0 && frame.Seq <= controller.Held[^1].Seq)
        {
            DropHeld(controller);
        }

        if (controller.Held.Count == MaxHeld)
        {
            metrics?.Rejected(CcpTransport.Serial, CcpRejection.NoHello);
            return;
        }

        controller.Held.Add(frame);
    }

    private void Emit(Controller controller, in CcpSerialFrame frame)
    {
        controller.LastSeq = frame.Seq;
        controller.HasSeq = true;
        metrics?.Accepted(CcpTransport.Serial);
        if (frame.Type == CcpFrameType.Telemetry)
        {
            sink.OnTelemetry(frame.TelemetryFor(controller.Boot));
        }
        else
        {
            sink.OnEvent(frame.EventFor(controller.Boot));
        }
    }

    private void DropHeld(Controller controller)
    {
        for (var i = 0; i < controller.Held.Count; i++)
        {
            metrics?.Rejected(CcpTransport.Serial, CcpRejection.NoHello);
        }

        controller.Held.Clear();
    }

    private bool TryGet(string controllerId, out Controller controller)
    {
        if (_controllers.TryGetValue(controllerId, out controller!))
        {
            return true;
        }

        if (_controllers.Count >= MaxControllers)
        {
            return false;
        }

        controller = new Controller();
        _controllers.Add(controllerId, controller);
        return true;
    }

    private sealed class Controller
    {
        public List<CcpSerialFrame> Held { get; } = new(MaxHeld);

        public uint Boot { get; set; }

        public bool HasBoot { get; set; }

        public uint LastSeq { get; set; }

        public bool HasSeq { get; set; }
    }
}
