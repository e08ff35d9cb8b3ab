namespace InfusionSuite.Application.Controllers;

/// <summary>
/// Counts a controller message dropped as already seen. The links count the duplicates they drop;
/// the writer counts those a session's sequence window refuses, on the same counter.
/// </summary>
public interface IDuplicateMessageCounter
{
    void Duplicate(CcpTransport transport);
}
