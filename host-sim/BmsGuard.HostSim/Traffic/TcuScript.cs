namespace BmsGuard.HostSim.Traffic;

/// <summary>
/// The event traffic of every minute of a generated capture: what the TCU sends toward the BMS
/// and the gateway must block (OBD and UDS requests, SecurityAccess, remote commands, a remote
/// frame, a CAN FD diagnostic frame), plus one error frame on the BMS bus. Each event names a DBC
/// message and its signal values; an event whose message the DBC lacks is left out.
/// </summary>
public static class TcuScript
{
    /// <summary>Milliseconds into each minute of the error frame on the BMS bus.</summary>
    public const int ErrorFrameAt = 50_600;

    /// <summary>The events, in time order within the minute.</summary>
    public static IReadOnlyList<ScriptedEvent> Events { get; } =
    [
        new(5_600, "ObdRequest", "OBD functional request: current data, engine speed PID", false,
            ("ObdReqFrameType", 0), ("ObdReqLength", 2), ("ObdReqService", 0x01), ("ObdReqPid", 0x0C)),
        new(10_600, "UdsRequestBms", "UDS DiagnosticSessionControl: programming session", false,
            ("UdsReqFrameType", 0), ("UdsReqLength", 2), ("UdsReqService", 0x10), ("UdsReqParameter", 0x02)),
        new(11_600, "UdsRequestBms", "UDS SecurityAccess: request seed", false,
            ("UdsReqFrameType", 0), ("UdsReqLength", 2), ("UdsReqService", 0x27), ("UdsReqParameter", 0x01)),
        new(20_600, "RemoteCommand", "remote command: open contactors", false,
            ("RemoteCommandId", 1), ("RemoteCommandKey", 0xAA)),
        new(25_600, "PackStatus", "remote frame asking the BMS for its pack status", true),
        new(30_600, "ChargeLimitCommand", "remote charge limit 50 %", false,
            ("ChargeLimitMode", 1), ("ChargeLimitSoc", 50)),
        new(40_600, "UdsRequestBms29", "UDS ReadDataByIdentifier VIN, 29-bit addressing", false,
            ("Uds29ReqFrameType", 0), ("Uds29ReqLength", 3), ("Uds29ReqService", 0x22), ("Uds29ReqDataId", 0xF190)),
        new(45_600, "RemoteDiagFd", "RoutineControl first frame in a CAN FD frame", false,
            ("RemoteDiagFrameType", 1), ("RemoteDiagFirstLength", 12), ("RemoteDiagFirstService", 0x31), ("RemoteDiagRoutineControl", 1), ("RemoteDiagRoutineId", 0xFF00)),
    ];
}

/// <summary>One scripted event: when in the minute, which DBC message, what it carries.</summary>
public sealed class ScriptedEvent
{
    /// <summary>Creates an event.</summary>
    public ScriptedEvent(int atMillis, string message, string what, bool remote, params (string Signal, double Value)[] values)
    {
        AtMillis = atMillis;
        Message = message;
        What = what;
        Remote = remote;
        Values = values.ToDictionary(v => v.Signal, v => v.Value, StringComparer.Ordinal);
    }

    /// <summary>Milliseconds into each minute.</summary>
    public int AtMillis { get; }

    /// <summary>DBC message name.</summary>
    public string Message { get; }

    /// <summary>What the event is, for readers of the script.</summary>
    public string What { get; }

    /// <summary>True for a remote (RTR) frame requesting the message; always sent from the TCU side.</summary>
    public bool Remote { get; }

    /// <summary>Physical signal values; the message's other signals follow the usual rules.</summary>
    public IReadOnlyDictionary<string, double> Values { get; }
}
