using System.Net.Sockets;
using Polly.Timeout;

namespace InfusionSuite.Fhir.Delivery;

/// <summary>
/// The explicit list of failures worth trying again: no response at all (connection refused or
/// reset, DNS, timeouts), 408 Request Timeout, 429 Too Many Requests and every 5xx. Every other
/// 4xx is the EHR saying no: retrying would change nothing, so the item is parked for staff.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransientStatus(int status) => status is 408 or 429 or (>= 500 and <= 599);

    public static bool IsTransientException(Exception exception, CancellationToken callerToken) => exception switch
    {
        HttpRequestException => true,
        TimeoutRejectedException => true,
        SocketException => true,
        IOException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };
}
