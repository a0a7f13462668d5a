using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;

namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// Inspects UDS requests from the TCU to the BMS frame by frame and decides which frames pass.
    /// Allocation-free; one instance per gateway, not thread-safe.
    /// </summary>
    /// <remarks>
    /// <para>Channels: 0x7E4 (11-bit physical, answers on 0x7EC), 0x18DA40F1 (29-bit physical, answers on
    /// 0x18DAF140) and 0x7DF (11-bit functional, never answered; ISO-TP allows only single frames there).</para>
    /// <para>The decision is taken on the first frame of a request: a single frame or first frame carries
    /// the service id and, for ReadDataByIdentifier, the DIDs. The consecutive frames of an allowed
    /// request are forwarded in sequence; any consecutive frame without one is an orphan and blocked.
    /// A ReadDataByIdentifier that needs a first frame (more than 3 DIDs) is denied rather than
    /// reassembled: its later DIDs arrive in frames the BMS would already have received, and holding
    /// frames back would make the guard a store-and-forward ISO-TP node with its own timing.</para>
    /// <para>Denied physical requests are answered on the response id with an 8-byte single frame
    /// [0x03, 0x7F, SID, NRC, 0xCC x4] (see <see cref="UdsNrc"/>); a denied first frame is answered first
    /// with a flow control Overflow [0x32, 0, 0, 0xCC x5] so the tester stops sending, then the negative
    /// response. Invalid ISO-TP frames and orphans are dropped silently, as an ISO-TP receiver does.</para>
    /// <para>Services and sessions that need a (flashing) window are judged again on every request and
    /// every consecutive frame: the window must be open and the vehicle state must allow opening it now
    /// (the interlock of open-maintenance-window or open-flashing-window), so no such request reaches
    /// the BMS while the vehicle moves, whatever window is open. Stale or unknown state denies.</para>
    /// <para>Responses: see <see cref="JudgeResponse"/>. Flow control from the TCU reaches the BMS only
    /// inside a segmented answer the guard let through, with its padding rewritten.</para>
    /// <para>Each single or first frame is audited (UdsAllowed / UdsDenied, reason = verdict, detail =
    /// CAN id u32 BE + the frame's request bytes), and so is a consecutive frame denied because the
    /// window closed or the state changed; other consecutive and flow control frames are only counted.</para>
    /// </remarks>
    public sealed class UdsInspector
    {
        /// <summary>Physical request id, 11-bit.</summary>
        public const uint PhysicalId = 0x7E4;

        /// <summary>Physical response id, 11-bit.</summary>
        public const uint PhysicalResponseId = 0x7EC;

        /// <summary>Physical request id, 29-bit (normal fixed addressing, tester 0xF1 to BMS 0x40).</summary>
        public const uint PhysicalId29 = 0x18DA40F1;

        /// <summary>Physical response id, 29-bit.</summary>
        public const uint PhysicalResponseId29 = 0x18DAF140;

        /// <summary>Functional request id, 11-bit.</summary>
        public const uint FunctionalId = 0x7DF;

        private const int Functional = 2;

        /// <summary>How long after a request passed its answer may come (P2*max of ISO 14229-2), renewed by each "response pending".</summary>
        public const long ResponseWindowMicros = 5000000;

        private readonly UdsExchange[] _exchanges = new UdsExchange[] { new UdsExchange(), new UdsExchange() };
        private readonly uint[] _responseCounts = new uint[4];

        private readonly UdsPolicy _policy;
        private readonly MaintenanceWindow _window;
        private readonly ISafetyCheck _safety;
        private readonly IAuditTrail _audit;
        private readonly long _timeoutMicros;
        private readonly UdsTransfer[] _transfers = new UdsTransfer[] { new UdsTransfer(), new UdsTransfer(), new UdsTransfer() };
        private readonly uint[] _counts = new uint[UdsVerdict.Count];
        private readonly byte[] _detail = new byte[11];
        private int _responseFrames;
        private uint _responseId;
        private bool _responseExtended;
        private int _nrc;
        private int _requestSid;
        private int _requestDid;
        private int _access;

        /// <summary>
        /// Creates an inspector; <paramref name="safety"/> judges whether a window may be used now (null:
        /// never); <paramref name="audit"/> may be null; <paramref name="consecutiveTimeoutMicros"/> is N_Cr,
        /// the longest gap between the frames of one request (ISO 15765-2 default 1 s).
        /// </summary>
        public UdsInspector(UdsPolicy policy, MaintenanceWindow window, ISafetyCheck safety, IAuditTrail audit, long consecutiveTimeoutMicros)
        {
            _policy = policy;
            _window = window;
            _safety = safety;
            _audit = audit;
            _timeoutMicros = consecutiveTimeoutMicros;
        }

        /// <summary>Frames to send back after the last <see cref="Inspect"/>: 0, 1 or 2 frames of 8 bytes at 0 and 8.</summary>
        public int ResponseFrames
        {
            get { return _responseFrames; }
        }

        /// <summary>CAN id for the response frames.</summary>
        public uint ResponseId
        {
            get { return _responseId; }
        }

        /// <summary>True when <see cref="ResponseId"/> is a 29-bit id.</summary>
        public bool ResponseExtended
        {
            get { return _responseExtended; }
        }

        /// <summary>NRC of the last denied request (also when no response was sent), else 0.</summary>
        public int LastNrc
        {
            get { return _nrc; }
        }

        /// <summary>True for the ids this inspector handles.</summary>
        public static bool Inspects(uint id, bool extended)
        {
            return Channel(id, extended) >= 0;
        }

        /// <summary>Frames given each verdict so far.</summary>
        public int Count(int verdict)
        {
            return verdict >= 0 && verdict < UdsVerdict.Count ? (int)_counts[verdict] : 0;
        }

        /// <summary>
        /// Decides one frame (<paramref name="length"/> = DLC) from the TCU on a UDS request id; returns a
        /// <see cref="UdsVerdict"/>. A negative response, if any, is written to <paramref name="response"/>
        /// (16 bytes; null sends none) and described by <see cref="ResponseFrames"/> and <see cref="ResponseId"/>.
        /// </summary>
        public int Inspect(uint id, bool extended, byte[] data, int length, long nowMicros, byte[] response)
        {
            _requestSid = -1;
            int verdict = InspectFrame(id, extended, data, length, nowMicros, response);
            int channel = Channel(id, extended);
            if (channel >= 0 && _requestSid >= 0)
            {
                // A request (single or first frame) was judged: only its answer may come back; functional
                // requests are answered on 0x7EC too.
                UdsExchange exchange = _exchanges[channel == Functional ? 0 : channel];
                if (verdict == UdsVerdict.Allowed)
                {
                    exchange.Request(_requestSid, _requestDid, nowMicros, ResponseWindowMicros);
                }
                else
                {
                    exchange.Clear();
                }
            }

            return verdict;
        }

        /// <summary>True for the BMS's UDS response ids (<see cref="PhysicalResponseId"/>, <see cref="PhysicalResponseId29"/>).</summary>
        public static bool IsResponse(uint id, bool extended)
        {
            return extended ? id == PhysicalResponseId29 : id == PhysicalResponseId;
        }

        /// <summary>
        /// Whether a BMS frame on a response id may go to the TCU: only as the answer to the last request let
        /// through on that channel, within <see cref="ResponseWindowMicros"/> (positive response SID = request
        /// SID + 0x40 with the DID asked for, or 7F SID NRC), the consecutive frames of that answer in
        /// sequence, or the BMS's flow control for a segmented request the guard let through. Padding after
        /// the ISO-TP payload is rewritten in <paramref name="data"/>. Counted by <see cref="ResponseCount"/>.
        /// </summary>
        public bool JudgeResponse(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            int channel = !IsResponse(id, extended) ? -1 : (extended ? 1 : 0);
            if (channel < 0)
            {
                return false;
            }

            bool segmenting = _transfers[channel].IsActive;
            int judged = _exchanges[channel].Judge(data, length, nowMicros, _timeoutMicros, segmenting, ResponseWindowMicros);
            _responseCounts[judged]++;
            return judged != UdsExchange.Refused;
        }

        /// <summary>BMS frames on the response ids: 0 refused, 1 answers, 2 their consecutive frames, 3 flow control.</summary>
        public int ResponseCount(int kind)
        {
            return kind >= 0 && kind < _responseCounts.Length ? (int)_responseCounts[kind] : 0;
        }

        private int InspectFrame(uint id, bool extended, byte[] data, int length, long nowMicros, byte[] response)
        {
            _responseFrames = 0;
            _nrc = 0;
            int channel = Channel(id, extended);
            if (channel < 0 || data == null || length < 1 || length > 8 || data.Length < length)
            {
                if (channel >= 0)
                {
                    _transfers[channel].Abort();
                }

                return Counted(UdsVerdict.InvalidFrame);
            }

            UdsTransfer transfer = _transfers[channel];
            int pci = data[0] >> 4;
            if (pci == 2)
            {
                return Counted(Continue(transfer, id, data, length, nowMicros));
            }

            if (pci == 3)
            {
                return Counted(Pace(channel, data, length, nowMicros));
            }

            // A single or first frame starts a new request; whatever was in flight ends (the BMS aborts it too).
            transfer.Abort();
            int verdict;
            bool first = pci == 1;
            if (pci == 0)
            {
                int size = data[0] & 0x0F;
                if (size < 1 || size + 1 > length)
                {
                    return Counted(UdsVerdict.InvalidFrame);
                }

                verdict = Decide(data, 1, size, size, false, nowMicros);
            }
            else if (first)
            {
                // A first frame is always 8 bytes; check before reading its length byte (the array may be shorter).
                if (length < 8 || channel == Functional)
                {
                    return Counted(UdsVerdict.InvalidFrame);
                }

                int total = ((data[0] & 0x0F) << 8) | data[1];
                if (total < 8)
                {
                    return Counted(UdsVerdict.InvalidFrame);
                }

                verdict = Decide(data, 2, 6, total, true, nowMicros);
                if (verdict == UdsVerdict.Allowed)
                {
                    transfer.Start(total, nowMicros, _access);
                }
            }
            else
            {
                return Counted(UdsVerdict.InvalidFrame);
            }

            Audit(id, data, first ? 2 : 1, first ? 6 : data[0] & 0x0F, verdict, nowMicros);
            if (verdict != UdsVerdict.Allowed && channel != Functional && response != null && response.Length >= 16)
            {
                Respond(channel, data[first ? 2 : 1], first, response);
            }

            return Counted(verdict);
        }

        private static int Channel(uint id, bool extended)
        {
            if (extended)
            {
                return id == PhysicalId29 ? 1 : -1;
            }

            return id == PhysicalId ? 0 : (id == FunctionalId ? Functional : -1);
        }

        // A consecutive frame goes on only while its request would still be allowed: the window may have
        // closed or the vehicle started moving since the first frame.
        private int Continue(UdsTransfer transfer, uint id, byte[] data, int length, long nowMicros)
        {
            if (!transfer.Accept(data, length, nowMicros, _timeoutMicros))
            {
                return UdsVerdict.OrphanConsecutive;
            }

            int verdict = Permits(transfer.Access, nowMicros);
            if (verdict != UdsVerdict.Allowed)
            {
                transfer.Abort();
                Audit(id, data, 0, 1, verdict, nowMicros);
                return verdict;
            }

            return UdsVerdict.Continuation;
        }

        // The tester pacing the BMS's segmented answer; never a request, and only inside an answer in flight.
        private int Pace(int channel, byte[] data, int length, long nowMicros)
        {
            if (length < 3 || (data[0] & 0x0F) > 2 || channel == Functional)
            {
                return UdsVerdict.InvalidFrame;
            }

            UdsExchange exchange = _exchanges[channel];
            if (!exchange.Answering(nowMicros, _timeoutMicros))
            {
                return UdsVerdict.OrphanFlowControl;
            }

            UdsExchange.Pad(data, 3, length);
            exchange.Paced(data, nowMicros);
            return UdsVerdict.FlowControl;
        }

        // The request's bytes visible in this frame are data[offset .. offset + visible); total is its full length.
        private int Decide(byte[] data, int offset, int visible, int total, bool segmented, long nowMicros)
        {
            int sid = data[offset];
            _requestSid = sid;
            _requestDid = sid == UdsService.ReadDataByIdentifier && visible >= 3 ? (data[offset + 1] << 8) | data[offset + 2] : -1;
            _access = UdsAccess.Always;
            if (sid == UdsService.DiagnosticSessionControl)
            {
                if (total < 2)
                {
                    return Deny(UdsVerdict.Malformed, UdsNrc.IncorrectMessageLength);
                }

                int session = _policy.SessionIndex(data[offset + 1] & 0x7F);
                if (session < 0)
                {
                    return Deny(UdsVerdict.DeniedService, UdsNrc.SubFunctionNotSupported);
                }

                _access = _policy.SessionAccess(session);
                int permitted = Permits(_access, nowMicros);
                _policy.CountSession(session, permitted == UdsVerdict.Allowed);
                return permitted == UdsVerdict.Allowed ? permitted : Deny(permitted, UdsNrc.ConditionsNotCorrect);
            }

            int service = _policy.ServiceIndex(sid);
            if (service < 0)
            {
                return Deny(UdsVerdict.DeniedService, UdsNrc.ServiceNotSupported);
            }

            _access = _policy.ServiceAccess(service);
            int verdict = Permits(_access, nowMicros);
            if (verdict == UdsVerdict.Allowed && sid == UdsService.ReadDataByIdentifier)
            {
                verdict = CheckDids(data, offset, visible, total, segmented);
            }

            _policy.CountService(service, verdict == UdsVerdict.Allowed);
            if (verdict == UdsVerdict.DeniedNoWindow || verdict == UdsVerdict.DeniedUnsafe)
            {
                _nrc = UdsNrc.ConditionsNotCorrect;
            }

            return verdict;
        }

        private int CheckDids(byte[] data, int offset, int visible, int total, bool segmented)
        {
            if (segmented)
            {
                return Deny(UdsVerdict.SegmentedRead, UdsNrc.RequestOutOfRange);
            }

            if (total < 3 || ((total - 1) & 1) != 0)
            {
                return Deny(UdsVerdict.Malformed, UdsNrc.IncorrectMessageLength);
            }

            for (int i = offset + 1; i + 1 < offset + visible; i += 2)
            {
                if (_policy.DidIndex((data[i] << 8) | data[i + 1]) < 0)
                {
                    return Deny(UdsVerdict.DeniedDid, UdsNrc.RequestOutOfRange);
                }
            }

            for (int i = offset + 1; i + 1 < offset + visible; i += 2)
            {
                _policy.CountDid(_policy.DidIndex((data[i] << 8) | data[i + 1]));
            }

            return UdsVerdict.Allowed;
        }

        // Always, or an open window of the right kind whose opening the vehicle state allows now.
        private int Permits(int access, long nowMicros)
        {
            if (access == UdsAccess.Always)
            {
                return UdsVerdict.Allowed;
            }

            bool flashing = access == UdsAccess.Flashing;
            if (flashing ? !_window.AllowsFlashing(nowMicros) : !_window.IsOpen(nowMicros))
            {
                return UdsVerdict.DeniedNoWindow;
            }

            int type = flashing ? CommandType.OpenFlashingWindow : CommandType.OpenMaintenanceWindow;
            return _safety != null && _safety.Check(type, nowMicros) == SafetyResult.Safe ? UdsVerdict.Allowed : UdsVerdict.DeniedUnsafe;
        }

        private int Deny(int verdict, int nrc)
        {
            _nrc = nrc;
            return verdict;
        }

        private void Respond(int channel, int sid, bool firstFrame, byte[] response)
        {
            _responseId = channel == 1 ? PhysicalResponseId29 : PhysicalResponseId;
            _responseExtended = channel == 1;
            int at = 0;
            if (firstFrame)
            {
                response[0] = 0x32;
                response[1] = 0;
                response[2] = 0;
                UdsExchange.Pad(response, 3, 8);
                at = 8;
            }

            response[at] = 0x03;
            response[at + 1] = UdsService.NegativeResponse;
            response[at + 2] = (byte)sid;
            response[at + 3] = (byte)_nrc;
            UdsExchange.Pad(response, at + 4, at + 8);
            _responseFrames = firstFrame ? 2 : 1;
        }

        private void Audit(uint id, byte[] data, int offset, int count, int verdict, long nowMicros)
        {
            if (_audit == null)
            {
                return;
            }

            _detail[0] = (byte)(id >> 24);
            _detail[1] = (byte)(id >> 16);
            _detail[2] = (byte)(id >> 8);
            _detail[3] = (byte)id;
            for (int i = 0; i < count; i++)
            {
                _detail[4 + i] = data[offset + i];
            }

            _audit.Record(nowMicros, verdict == UdsVerdict.Allowed ? AuditKind.UdsAllowed : AuditKind.UdsDenied, verdict, _detail, 4 + count);
        }

        private int Counted(int verdict)
        {
            _counts[verdict]++;
            return verdict;
        }
    }
}
