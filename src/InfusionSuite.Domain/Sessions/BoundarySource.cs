namespace InfusionSuite.Domain.Sessions;

/// <summary>Who said when a boundary happened: the controller (device ts) or a nurse (server clock).</summary>
public enum BoundarySource : byte
{
    Controller,
    Nurse,
}
