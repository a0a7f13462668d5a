using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.IsoTp;
using BmsGuard.Core.SecOc;
using BmsGuard.Core.Uds;

namespace BmsGuard.Core.Ingress
{
    /// <summary>
    /// Everything the TCU sends toward the BMS, decided: signed command envelopes on the command
    /// channel (ISO-TP, reassembled here and judged by the <see cref="CommandGuard"/>), optional
    /// SecOC-protected single-frame commands, UDS requests (<see cref="UdsInspector"/>), and default
    /// deny for all else. Accepted commands are executed by the guard itself: it sends the BMS its
    /// native command frame or opens the maintenance window; the TCU's frames never reach the BMS.
    /// </summary>
    public sealed class TcuIngress : ITcuIngress, IDiagnosticResponses, IFrameInterest
    {
        /// <summary>Command channel, TCU to guard (ISO-TP, 11-bit).</summary>
        public const uint CommandRequestId = 0x6A0;

        /// <summary>Command channel, guard to TCU: flow control and the status of each command.</summary>
        public const uint CommandResponseId = 0x6A8;

        private const int EnvelopeCapacity = 512;
        private const long ConsecutiveTimeoutMicros = 1000000;

        private readonly CommandGuard _guard;
        private readonly NativeCommandTable _natives;
        private readonly MaintenanceWindow _window;
        private readonly UdsInspector _uds;
        private readonly SecOcCommands _secoc;
        private readonly IFrameOutbox _outbox;
        private readonly IAuditTrail _audit;
        private readonly IsoTpReceiver _rx = new IsoTpReceiver(EnvelopeCapacity, ConsecutiveTimeoutMicros);
        private readonly byte[] _frame = new byte[8];
        private readonly byte[] _response = new byte[16];
        private readonly byte[] _detail = new byte[4];
        private long _executionFailures;
        private long _repliesLost;

        /// <summary>Wires the TCU side; <paramref name="secoc"/> may be null (SecOC mode off).</summary>
        public TcuIngress(
            CommandGuard guard,
            NativeCommandTable natives,
            MaintenanceWindow window,
            UdsInspector uds,
            SecOcCommands secoc,
            IFrameOutbox outbox,
            IAuditTrail audit)
        {
            _guard = guard;
            _natives = natives;
            _window = window;
            _uds = uds;
            _secoc = secoc;
            _outbox = outbox;
            _audit = audit;
        }

        /// <summary>Accepted commands whose execution failed (no native row, parameters short, BMS bus refused the frame).</summary>
        public long ExecutionFailures
        {
            get { return _executionFailures; }
        }

        /// <summary>Flow control or status frames toward the TCU that could not be queued.</summary>
        public long RepliesLost
        {
            get { return _repliesLost; }
        }

        /// <inheritdoc />
        public Verdict Decide(uint id, bool extended, bool remote, byte[] data, int length, long nowMicros)
        {
            if (remote)
            {
                return Verdict.TcuDefaultDeny;
            }

            if (!extended && id == CommandRequestId)
            {
                return CommandFrame(data, length, nowMicros);
            }

            if (_secoc != null && _secoc.Handles(id, extended))
            {
                int type = _secoc.Receive(id, extended, data, length, nowMicros);
                if (type <= 0)
                {
                    return Verdict.SecOcDenied;
                }

                Execute(type, _secoc.Parameters, _secoc.ParameterLength, nowMicros);
                return Verdict.CommandExecuted;
            }

            if (UdsInspector.Inspects(id, extended))
            {
                int verdict = _uds.Inspect(id, extended, data, length, nowMicros, _response);
                for (int f = 0; f < _uds.ResponseFrames; f++)
                {
                    System.Array.Copy(_response, f * 8, _frame, 0, 8);
                    Reply(_uds.ResponseId, _uds.ResponseExtended, _frame);
                }

                return UdsVerdict.Forwards(verdict) ? Verdict.Forward : Verdict.UdsDenied;
            }

            return Verdict.TcuDefaultDeny;
        }

        private Verdict CommandFrame(byte[] data, int length, long nowMicros)
        {
            IsoTpStatus status = _rx.OnFrame(data, length, nowMicros);
            if (status == IsoTpStatus.SendFlowControl)
            {
                IsoTpReceiver.WriteFlowControl(_frame, IsoTpReceiver.FlowClearToSend, 0, 0);
                Reply(CommandResponseId, false, _frame);
                return Verdict.CommandSegment;
            }

            if (status == IsoTpStatus.InProgress)
            {
                return Verdict.CommandSegment;
            }

            if (status != IsoTpStatus.Complete)
            {
                if (status == IsoTpStatus.Overflow)
                {
                    IsoTpReceiver.WriteFlowControl(_frame, IsoTpReceiver.FlowOverflow, 0, 0);
                    Reply(CommandResponseId, false, _frame);
                }

                return Verdict.CommandChannelError;
            }

            bool executed;
            int verdict = Submit(_rx.Buffer, _rx.MessageLength, nowMicros, out executed);
            int type = _rx.MessageLength > 1 ? _rx.Buffer[1] : 0;

            // Status as an ISO-TP single frame: command type, verdict, executed.
            _frame[0] = 0x03;
            _frame[1] = (byte)type;
            _frame[2] = (byte)verdict;
            _frame[3] = (byte)(executed ? 1 : 0);
            for (int i = 4; i < 8; i++)
            {
                _frame[i] = IsoTpSegmenter.Padding;
            }

            Reply(CommandResponseId, false, _frame);
            return Verdict.CommandSegment;
        }

        /// <summary>Whether a BMS frame with this id is a diagnostic response (what <see cref="Judge"/> judges).</summary>
        public bool Reads(uint id, bool extended)
        {
            return UdsInspector.IsResponse(id, extended);
        }

        /// <inheritdoc />
        public int Judge(uint id, bool extended, byte[] data, int length, long nowMicros)
        {
            if (!UdsInspector.IsResponse(id, extended))
            {
                return -1;
            }

            return _uds.JudgeResponse(id, extended, data, length, nowMicros) ? 1 : 0;
        }

        /// <summary>
        /// Judges one whole envelope (from the CAN command channel or the MQTT command topic) and executes it
        /// when accepted; returns the <see cref="CommandVerdict"/>. Nothing else reaches the BMS.
        /// </summary>
        public int SubmitEnvelope(byte[] envelope, int length, long nowMicros)
        {
            bool executed;
            return Submit(envelope, length, nowMicros, out executed);
        }

        private int Submit(byte[] envelope, int length, long nowMicros, out bool executed)
        {
            int verdict = _guard.Submit(envelope, length, nowMicros);
            executed = false;
            if (verdict == CommandVerdict.Accepted)
            {
                AcceptedCommand accepted = _guard.Accepted;
                executed = Execute(accepted.Type, accepted.Parameters, accepted.ParameterLength, nowMicros);
            }

            return verdict;
        }

        // Runs an accepted command. Key management already happened inside the guard.
        private bool Execute(int type, byte[] parameters, int parameterLength, long nowMicros)
        {
            bool done;
            if (type == CommandType.OpenMaintenanceWindow || type == CommandType.OpenFlashingWindow)
            {
                done = parameterLength >= 2;
                if (done)
                {
                    long seconds = (parameters[0] << 8) | parameters[1];
                    _window.Open(nowMicros, nowMicros + (seconds * 1000000), type == CommandType.OpenFlashingWindow);
                }
            }
            else if (type == CommandType.CloseMaintenanceWindow)
            {
                _window.Close(nowMicros);
                done = true;
            }
            else if (type == CommandType.ProvisionKey || type == CommandType.RotateKey || type == CommandType.RevokeKey)
            {
                done = true;
            }
            else
            {
                done = _natives.Execute(type, parameters, parameterLength, _outbox);
            }

            if (!done)
            {
                _executionFailures++;
                if (_audit != null)
                {
                    _detail[0] = (byte)type;
                    _audit.Record(nowMicros, AuditKind.CommandNotExecuted, 0, _detail, 1);
                }
            }

            return done;
        }

        private void Reply(uint id, bool extended, byte[] frame)
        {
            if (_outbox == null || !_outbox.Send(GatewayPort.Tcu, id, extended, frame, 8))
            {
                _repliesLost++;
            }
        }
    }
}
