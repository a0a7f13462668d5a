namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// One physical channel's request and its answer: what the BMS may send back on the response id,
    /// and when the TCU may pace that answer with flow control. A frame passes toward the TCU only as
    /// the answer to the request the guard let through (positive response SID = request SID + 0x40, or
    /// 7F SID NRC; for ReadDataByIdentifier the DID asked for) and the ISO-TP transfer it starts; bytes
    /// after the ISO-TP payload are rewritten to padding, so nothing rides along in them.
    /// </summary>
    internal sealed class UdsExchange
    {
        /// <summary>Judged: not a frame of this exchange, drop.</summary>
        internal const int Refused = 0;

        /// <summary>Judged: the answer (single or first frame), forward.</summary>
        internal const int Answer = 1;

        /// <summary>Judged: a consecutive frame of the answer, forward.</summary>
        internal const int Continuation = 2;

        /// <summary>Judged: the BMS pacing the TCU's segmented request, forward.</summary>
        internal const int FlowControl = 3;

        private const int ResponsePending = 0x78;
        private const byte Padding = 0xCC;

        private readonly UdsTransfer _answer = new UdsTransfer();
        private int _sid = -1;
        private int _did = -1;
        private long _deadline;

        /// <summary>The request with service <paramref name="sid"/> (and first DID, else -1) went to the BMS; its answer may come until the window ends.</summary>
        internal void Request(int sid, int did, long nowMicros, long windowMicros)
        {
            _sid = sid;
            _did = did;
            _deadline = nowMicros + windowMicros;
            _answer.Abort();
        }

        /// <summary>No answer is expected any more (the request was denied, or a new one did not pass).</summary>
        internal void Clear()
        {
            _sid = -1;
            _answer.Abort();
        }

        /// <summary>True while a segmented answer is in flight, so the TCU's flow control belongs to it.</summary>
        internal bool Answering(long nowMicros, long timeoutMicros)
        {
            return _answer.IsLive(nowMicros, timeoutMicros);
        }

        /// <summary>The TCU's flow control went to the BMS; an overflow ends the answer.</summary>
        internal void Paced(byte[] data, long nowMicros)
        {
            _answer.Touch(nowMicros);
            if ((data[0] & 0x0F) == 2)
            {
                _answer.Abort();
            }
        }

        /// <summary>
        /// Judges one BMS frame on the response id; <paramref name="requestSegmenting"/> is true while the
        /// TCU's own segmented request awaits the BMS's flow control. Rewrites padding in place.
        /// </summary>
        internal int Judge(byte[] data, int length, long nowMicros, long timeoutMicros, bool requestSegmenting, long windowMicros)
        {
            if (data == null || length < 1 || length > 8 || data.Length < length)
            {
                return Refused;
            }

            int pci = data[0] >> 4;
            if (pci == 0)
            {
                return SingleFrame(data, length, nowMicros, windowMicros);
            }

            if (pci == 1)
            {
                return FirstFrame(data, length, nowMicros);
            }

            if (pci == 2)
            {
                return ConsecutiveFrame(data, length, nowMicros, timeoutMicros);
            }

            if (pci == 3 && requestSegmenting && length >= 3 && (data[0] & 0x0F) <= 2)
            {
                Pad(data, 3, length);
                return FlowControl;
            }

            return Refused;
        }

        private bool Expecting(long nowMicros)
        {
            return _sid >= 0 && nowMicros <= _deadline;
        }

        private int SingleFrame(byte[] data, int length, long nowMicros, long windowMicros)
        {
            int size = data[0] & 0x0F;
            if (size < 1 || size + 1 > length || !Expecting(nowMicros))
            {
                return Refused;
            }

            int first = data[1];
            if (first == UdsService.NegativeResponse)
            {
                if (size < 3 || data[2] != _sid)
                {
                    return Refused;
                }

                if (data[3] == ResponsePending)
                {
                    _deadline = nowMicros + windowMicros;
                }
                else
                {
                    _sid = -1;
                }
            }
            else
            {
                if (first != _sid + 0x40 || !AnswersDid(data, 2, size - 1))
                {
                    return Refused;
                }

                _sid = -1;
            }

            Pad(data, size + 1, length);
            return Answer;
        }

        private int FirstFrame(byte[] data, int length, long nowMicros)
        {
            if (length < 8 || !Expecting(nowMicros))
            {
                return Refused;
            }

            int total = ((data[0] & 0x0F) << 8) | data[1];
            if (total < 8 || data[2] != _sid + 0x40 || !AnswersDid(data, 3, 5))
            {
                return Refused;
            }

            _sid = -1;
            _answer.Start(total, nowMicros, UdsAccess.Always);
            return Answer;
        }

        private int ConsecutiveFrame(byte[] data, int length, long nowMicros, long timeoutMicros)
        {
            int take = _answer.Remaining < 7 ? _answer.Remaining : 7;
            if (!_answer.IsLive(nowMicros, timeoutMicros) || !_answer.Accept(data, length, nowMicros, timeoutMicros))
            {
                _answer.Abort();
                return Refused;
            }

            Pad(data, 1 + take, length);
            return Continuation;
        }

        // A positive ReadDataByIdentifier answer starts with the first DID asked for; other services echo nothing checked here.
        private bool AnswersDid(byte[] data, int at, int visible)
        {
            if (_did < 0)
            {
                return true;
            }

            return visible >= 2 && ((data[at] << 8) | data[at + 1]) == _did;
        }

        /// <summary>Writes the ISO-TP padding byte 0xCC into <paramref name="data"/>[from, to).</summary>
        internal static void Pad(byte[] data, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                data[i] = Padding;
            }
        }
    }
}
