namespace BmsGuard.Core.Faults
{
    /// <summary>
    /// What the device's main loop does with an exception from one of its steps (<see cref="LoopStep"/>). Left
    /// uncaught it would end the program: the interpreter then waits for a debugger, feeding the watchdog, and the
    /// guard is gone until the power is cycled. Caught here, the fault is counted by step and class, the loop goes on
    /// with its next step, and the device restarts only where a restart can help: the heap stays exhausted
    /// (<see cref="OutOfMemoryRestart"/> out-of-memory faults with no clean pass between them), or one pass after
    /// another has failed for <see cref="InARowRestart"/> passes (ten minutes at the loop's 50 ms, so a fault a
    /// restart does not cure restarts the device at most 144 times a day). Audit records are bounded: one for the
    /// first fault and then at most one per <see cref="RecordEveryMicros"/>, and one for a restart.
    /// </summary>
    public sealed class LoopFaults
    {
        /// <summary>Out-of-memory faults without a clean pass between them that restart the device.</summary>
        public const int DefaultOutOfMemoryRestart = 3;

        /// <summary>Passes in a row with a fault that restart the device: ten minutes of 50 ms passes.</summary>
        public const int DefaultInARowRestart = 12000;

        /// <summary>At most one fault record a minute, besides a restart's.</summary>
        public const long DefaultRecordEveryMicros = 60000000;

        /// <summary><see cref="Fault"/>'s answer: go on (the fault is counted; the status line shows it).</summary>
        public const int GoOn = 0;

        /// <summary><see cref="Fault"/>'s answer: go on, and write the fault's audit record.</summary>
        public const int Record = 1;

        /// <summary><see cref="Fault"/>'s answer: write the fault's audit record, then restart the device.</summary>
        public const int Restart = 2;

        /// <summary>Bytes of a fault record's detail (<see cref="WriteDetail"/>).</summary>
        public const int DetailLength = 10;

        private readonly int _outOfMemoryRestart;
        private readonly int _inARowRestart;
        private readonly long _recordEvery;
        private readonly long[] _steps = new long[LoopStep.Count];
        private readonly long[] _classes = new long[FaultClass.Count];
        private bool _passFailed;
        private int _inARow;
        private int _outOfMemoryInARow;
        private bool _recorded;
        private long _lastRecord;
        private long _unrecorded;
        private long _recordedUnrecorded;
        private int _lastStep = -1;
        private int _lastClass = -1;

        /// <summary>The default policy.</summary>
        public LoopFaults()
            : this(DefaultOutOfMemoryRestart, DefaultInARowRestart, DefaultRecordEveryMicros)
        {
        }

        /// <summary>A policy; both limits &gt;= 1, <paramref name="recordEveryMicros"/> &gt;= 0.</summary>
        /// <exception cref="System.ArgumentException">A value is out of range.</exception>
        public LoopFaults(int outOfMemoryRestart, int inARowRestart, long recordEveryMicros)
        {
            if (outOfMemoryRestart < 1 || inARowRestart < 1 || recordEveryMicros < 0)
            {
                throw new System.ArgumentException();
            }

            _outOfMemoryRestart = outOfMemoryRestart;
            _inARowRestart = inARowRestart;
            _recordEvery = recordEveryMicros;
        }

        /// <summary>Out-of-memory faults without a clean pass between them that restart the device.</summary>
        public int OutOfMemoryRestart
        {
            get { return _outOfMemoryRestart; }
        }

        /// <summary>Passes in a row with a fault that restart the device.</summary>
        public int InARowRestart
        {
            get { return _inARowRestart; }
        }

        /// <summary>Least time between two fault records, besides a restart's.</summary>
        public long RecordEveryMicros
        {
            get { return _recordEvery; }
        }

        /// <summary>Passes in a row that had a fault, this one included when it has one.</summary>
        public int InARow
        {
            get { return _inARow + (_passFailed ? 1 : 0); }
        }

        /// <summary>Faults counted and not written to the audit log since the last record.</summary>
        public long Unrecorded
        {
            get { return _unrecorded; }
        }

        /// <summary>The step of the last fault; -1 before the first.</summary>
        public int LastStep
        {
            get { return _lastStep; }
        }

        /// <summary>The class of the last fault; -1 before the first.</summary>
        public int LastClass
        {
            get { return _lastClass; }
        }

        /// <summary>Faults of <paramref name="step"/> since boot.</summary>
        public long OfStep(int step)
        {
            return _steps[step];
        }

        /// <summary>Faults of <paramref name="faultClass"/> since boot.</summary>
        public long OfClass(int faultClass)
        {
            return _classes[faultClass];
        }

        /// <summary>All faults since boot.</summary>
        public long Total
        {
            get
            {
                long total = 0;
                for (int i = 0; i < LoopStep.Count; i++)
                {
                    total += _steps[i];
                }

                return total;
            }
        }

        /// <summary>
        /// Counts <paramref name="fault"/>, thrown by <paramref name="step"/> at <paramref name="nowMicros"/>, and says what
        /// to do: <see cref="GoOn"/>, <see cref="Record"/> or <see cref="Restart"/>.
        /// </summary>
        /// <exception cref="System.ArgumentException">The step is not a <see cref="LoopStep"/>.</exception>
        public int Fault(int step, System.Exception fault, long nowMicros)
        {
            if (step < 0 || step >= LoopStep.Count)
            {
                throw new System.ArgumentException();
            }

            int faultClass = FaultClass.Of(fault);
            _steps[step]++;
            _classes[faultClass]++;
            _lastStep = step;
            _lastClass = faultClass;
            if (faultClass == FaultClass.OutOfMemory)
            {
                _outOfMemoryInARow++;
            }

            _passFailed = true;
            int answer = _outOfMemoryInARow >= _outOfMemoryRestart || _inARow + 1 >= _inARowRestart ? Restart
                : !_recorded || nowMicros - _lastRecord >= _recordEvery || nowMicros < _lastRecord ? Record
                : GoOn;
            if (answer == GoOn)
            {
                _unrecorded++;
                return answer;
            }

            // The record this answer asks for starts the next interval, and carries what went unrecorded before it.
            _recordedUnrecorded = _unrecorded;
            _unrecorded = 0;
            _recorded = true;
            _lastRecord = nowMicros;
            return answer;
        }

        /// <summary>
        /// Fills <paramref name="detail"/> (at least <see cref="DetailLength"/> bytes) for the record <see cref="Fault"/> asked
        /// for: the fault's class (1 byte), whether the device restarts (1 byte), the faults of its step since boot and
        /// those not recorded before it (2 x u32 BE, capped).
        /// </summary>
        public void WriteDetail(byte[] detail, bool restart)
        {
            detail[0] = (byte)_lastClass;
            detail[1] = (byte)(restart ? 1 : 0);
            PutCapped(detail, 2, _steps[_lastStep]);
            PutCapped(detail, 6, _recordedUnrecorded);
        }

        /// <summary>Ends a pass of the loop: a pass without a fault clears the runs that lead to a restart.</summary>
        public void PassEnded()
        {
            if (_passFailed)
            {
                _inARow++;
                _passFailed = false;
                return;
            }

            _inARow = 0;
            _outOfMemoryInARow = 0;
        }

        /// <summary>A status line: "loop faults: 0" or the counts by step and class, the run, the last fault.</summary>
        public string Status()
        {
            long total = Total;
            if (total == 0)
            {
                return "loop faults: 0";
            }

            System.Text.StringBuilder line = new System.Text.StringBuilder();
            line.Append("loop faults: ").Append(total.ToString());
            Append(line, " (", _steps, LoopStep.Count, true);
            Append(line, "; ", _classes, FaultClass.Count, false);
            line.Append("), in a row ").Append(InARow.ToString());
            line.Append(", last ").Append(LoopStep.Name(_lastStep)).Append(' ').Append(FaultClass.Name(_lastClass));
            return line.ToString();
        }

        private static void Append(System.Text.StringBuilder line, string lead, long[] counts, int length, bool steps)
        {
            string separator = lead;
            for (int i = 0; i < length; i++)
            {
                if (counts[i] != 0)
                {
                    line.Append(separator).Append(steps ? LoopStep.Name(i) : FaultClass.Name(i)).Append(' ').Append(counts[i].ToString());
                    separator = ", ";
                }
            }
        }

        private static void PutCapped(byte[] buffer, int offset, long value)
        {
            Audit.AuditRecord.PutUInt32(buffer, offset, value > uint.MaxValue ? uint.MaxValue : (uint)value);
        }
    }
}
