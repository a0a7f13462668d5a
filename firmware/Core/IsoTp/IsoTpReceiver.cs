namespace BmsGuard.Core.IsoTp
{
    /// <summary>
    /// Reassembles ISO 15765-2 (ISO-TP) messages from classic CAN frames into a fixed buffer,
    /// allocation-free and fail-closed: any protocol error discards the message in progress and says
    /// why. Normal addressing (PCI in byte 0), frames of up to 8 bytes, messages up to 4095 bytes.
    /// </summary>
    /// <remarks>
    /// PCI: single frame 0x0L (L = 1..7), first frame 0x1L LL (length 8..4095), consecutive frame 0x2N
    /// (N = sequence 1..15, 0, 1, ...), flow control 0x3S. After <see cref="IsoTpStatus.SendFlowControl"/>
    /// the caller sends the frame written by <see cref="WriteFlowControl"/> to the sender.
    /// </remarks>
    public sealed class IsoTpReceiver
    {
        /// <summary>Flow status: continue to send.</summary>
        public const int FlowClearToSend = 0;

        /// <summary>Flow status: overflow, abort.</summary>
        public const int FlowOverflow = 2;

        private readonly byte[] _buffer;
        private readonly long _timeoutMicros;
        private int _expected;
        private int _received;
        private int _nextSequence;
        private long _lastFrameMicros;
        private bool _inProgress;
        private int _messageLength;

        /// <summary>
        /// Creates a receiver with a buffer of <paramref name="capacity"/> bytes (at most 4095) and the
        /// N_Cr timeout between consecutive frames.
        /// </summary>
        public IsoTpReceiver(int capacity, long consecutiveTimeoutMicros)
        {
            if (capacity < 7 || capacity > 4095)
            {
                throw new System.ArgumentOutOfRangeException();
            }

            _buffer = new byte[capacity];
            _timeoutMicros = consecutiveTimeoutMicros;
        }

        /// <summary>The reassembled message after <see cref="IsoTpStatus.Complete"/> (first <see cref="MessageLength"/> bytes).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Length of the last complete message.</summary>
        public int MessageLength
        {
            get { return _messageLength; }
        }

        /// <summary>True while a segmented message is being received.</summary>
        public bool InProgress
        {
            get { return _inProgress; }
        }

        /// <summary>Length announced by the current or last first frame (for overflow answers and logs).</summary>
        public int AnnouncedLength
        {
            get { return _expected; }
        }

        /// <summary>Feeds one frame's payload (<paramref name="length"/> = DLC) received at <paramref name="nowMicros"/>.</summary>
        public IsoTpStatus OnFrame(byte[] data, int length, long nowMicros)
        {
            if (data == null || length < 1 || length > 8 || data.Length < length)
            {
                Abort();
                return IsoTpStatus.InvalidFrame;
            }

            int pci = data[0] >> 4;
            if (pci == 0)
            {
                return SingleFrame(data, length);
            }

            if (pci == 1)
            {
                return FirstFrame(data, length, nowMicros);
            }

            if (pci == 2)
            {
                return ConsecutiveFrame(data, length, nowMicros);
            }

            Abort();
            return pci == 3 ? IsoTpStatus.UnexpectedFlowControl : IsoTpStatus.InvalidFrame;
        }

        /// <summary>Writes an 8-byte flow control frame (padding 0xCC) with the given status, block size and STmin.</summary>
        public static void WriteFlowControl(byte[] frame, int flowStatus, int blockSize, int separationTime)
        {
            frame[0] = (byte)(0x30 | (flowStatus & 0x0F));
            frame[1] = (byte)blockSize;
            frame[2] = (byte)separationTime;
            for (int i = 3; i < 8; i++)
            {
                frame[i] = 0xCC;
            }
        }

        /// <summary>Forgets any message in progress.</summary>
        public void Abort()
        {
            _inProgress = false;
            _received = 0;
        }

        private IsoTpStatus SingleFrame(byte[] data, int length)
        {
            bool interrupted = _inProgress;
            Abort();
            int size = data[0] & 0x0F;
            if (size < 1 || size > 7 || size + 1 > length || size > _buffer.Length)
            {
                return IsoTpStatus.InvalidFrame;
            }

            if (interrupted)
            {
                return IsoTpStatus.InterruptedByNewMessage;
            }

            for (int i = 0; i < size; i++)
            {
                _buffer[i] = data[i + 1];
            }

            _messageLength = size;
            return IsoTpStatus.Complete;
        }

        private IsoTpStatus FirstFrame(byte[] data, int length, long nowMicros)
        {
            bool interrupted = _inProgress;
            Abort();
            if (length < 8)
            {
                // A first frame always fills the CAN frame (ISO 15765-2 for classic CAN).
                return IsoTpStatus.InvalidFrame;
            }

            int size = ((data[0] & 0x0F) << 8) | data[1];
            _expected = size;
            if (size < 8)
            {
                // 0 announces a 32-bit length (longer than classic ISO-TP allows here); 1..7 fit a single frame.
                return size == 0 ? IsoTpStatus.Overflow : IsoTpStatus.InvalidFrame;
            }

            if (size > _buffer.Length)
            {
                return IsoTpStatus.Overflow;
            }

            if (interrupted)
            {
                return IsoTpStatus.InterruptedByNewMessage;
            }

            for (int i = 0; i < 6; i++)
            {
                _buffer[i] = data[i + 2];
            }

            _received = 6;
            _nextSequence = 1;
            _lastFrameMicros = nowMicros;
            _inProgress = true;
            return IsoTpStatus.SendFlowControl;
        }

        private IsoTpStatus ConsecutiveFrame(byte[] data, int length, long nowMicros)
        {
            if (!_inProgress)
            {
                return IsoTpStatus.UnexpectedConsecutiveFrame;
            }

            if (nowMicros - _lastFrameMicros > _timeoutMicros)
            {
                Abort();
                return IsoTpStatus.Timeout;
            }

            if ((data[0] & 0x0F) != _nextSequence)
            {
                Abort();
                return IsoTpStatus.WrongSequenceNumber;
            }

            int remaining = _expected - _received;
            int take = remaining < 7 ? remaining : 7;
            if (length - 1 < take)
            {
                Abort();
                return IsoTpStatus.InvalidFrame;
            }

            for (int i = 0; i < take; i++)
            {
                _buffer[_received + i] = data[i + 1];
            }

            _received += take;
            _nextSequence = (_nextSequence + 1) & 0x0F;
            _lastFrameMicros = nowMicros;
            if (_received < _expected)
            {
                return IsoTpStatus.InProgress;
            }

            _inProgress = false;
            _messageLength = _expected;
            return IsoTpStatus.Complete;
        }
    }
}
