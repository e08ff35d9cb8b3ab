using System.Net.Sockets;
using InfusionSuite.Application.Ports;
using Npgsql;

namespace InfusionSuite.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL failures that are an outage of the server, not a fault in what was asked: the connection lost or refused
/// (an <see cref="NpgsqlException"/> that is not the server's answer, a socket or a time-out), the server shutting down or
/// starting (57P01–57P03), a connection-class error (08…), too many connections (53300), or any error Npgsql calls
/// transient. Every other failure (a constraint, a refused schema) is not waited out.
/// </summary>
internal sealed class PostgreSqlOutages : IStorageOutages
{
    public string? OutageReason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: var state } when state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("08", StringComparison.Ordinal) || state == "53300":
                    return $"the server answered {state}";
                case PostgresException { IsTransient: true, SqlState: var state }:
                    return $"the server answered {state}";
                case PostgresException:
                    return null;
                case NpgsqlException { InnerException: SocketException { SocketErrorCode: var code } }:
                    return $"connection {code}";
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException { InnerException: IOException or EndOfStreamException or TimeoutException }:
                    return "connection lost";
                case SocketException { SocketErrorCode: var code }:
                    return $"connection {code}";
                case TimeoutException or EndOfStreamException:
                    return "no answer in time";
            }
        }

        return null;
    }
}
