namespace BmsGuard.Core.Uds
{
    /// <summary>UDS (ISO 14229-1) service identifiers and diagnostic sessions the inspector knows by name.</summary>
    public static class UdsService
    {
        /// <summary>DiagnosticSessionControl; its sub-function (the session) decides access.</summary>
        public const int DiagnosticSessionControl = 0x10;

        /// <summary>ECUReset.</summary>
        public const int EcuReset = 0x11;

        /// <summary>ClearDiagnosticInformation.</summary>
        public const int ClearDtc = 0x14;

        /// <summary>ReadDTCInformation.</summary>
        public const int ReadDtc = 0x19;

        /// <summary>ReadDataByIdentifier; every DID must be on the allowlist.</summary>
        public const int ReadDataByIdentifier = 0x22;

        /// <summary>SecurityAccess.</summary>
        public const int SecurityAccess = 0x27;

        /// <summary>WriteDataByIdentifier.</summary>
        public const int WriteDataByIdentifier = 0x2E;

        /// <summary>RoutineControl.</summary>
        public const int RoutineControl = 0x31;

        /// <summary>RequestDownload.</summary>
        public const int RequestDownload = 0x34;

        /// <summary>TransferData.</summary>
        public const int TransferData = 0x36;

        /// <summary>RequestTransferExit.</summary>
        public const int RequestTransferExit = 0x37;

        /// <summary>TesterPresent.</summary>
        public const int TesterPresent = 0x3E;

        /// <summary>Service id of a negative response.</summary>
        public const int NegativeResponse = 0x7F;

        /// <summary>Session: default.</summary>
        public const int DefaultSession = 0x01;

        /// <summary>Session: programming.</summary>
        public const int ProgrammingSession = 0x02;

        /// <summary>Session: extended diagnostic.</summary>
        public const int ExtendedSession = 0x03;

        /// <summary>Printable name of a service ("sid-0xNN" for others).</summary>
        public static string Name(int sid)
        {
            switch (sid)
            {
                case DiagnosticSessionControl: return "diagnostic-session-control";
                case EcuReset: return "ecu-reset";
                case ClearDtc: return "clear-dtc";
                case ReadDtc: return "read-dtc-information";
                case ReadDataByIdentifier: return "read-data-by-identifier";
                case 0x23: return "read-memory-by-address";
                case SecurityAccess: return "security-access";
                case 0x28: return "communication-control";
                case WriteDataByIdentifier: return "write-data-by-identifier";
                case 0x2F: return "io-control-by-identifier";
                case RoutineControl: return "routine-control";
                case RequestDownload: return "request-download";
                case 0x35: return "request-upload";
                case TransferData: return "transfer-data";
                case RequestTransferExit: return "request-transfer-exit";
                case 0x3D: return "write-memory-by-address";
                case TesterPresent: return "tester-present";
                case 0x85: return "control-dtc-setting";
                default: return "sid-0x" + ((byte)sid).ToString("X2");
            }
        }

        /// <summary>Printable name of a diagnostic session ("session-0xNN" for others).</summary>
        public static string SessionName(int session)
        {
            switch (session)
            {
                case DefaultSession: return "default";
                case ProgrammingSession: return "programming";
                case ExtendedSession: return "extended";
                case 0x04: return "safety-system";
                default: return "session-0x" + ((byte)session).ToString("X2");
            }
        }
    }
}
