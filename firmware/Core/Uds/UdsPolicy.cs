namespace BmsGuard.Core.Uds
{
    /// <summary>
    /// What the TCU may ask of the BMS over UDS: an access (<see cref="UdsAccess"/>) per service and
    /// per diagnostic session, and the DIDs ReadDataByIdentifier may read. Anything unlisted is
    /// denied. Fixed capacity, counters per entry; text form in <see cref="UdsPolicyText"/>. Lookups take
    /// constant time whatever the policy lists: every diagnostic frame from the TCU asks them.
    /// </summary>
    public sealed class UdsPolicy
    {
        /// <summary>Most services.</summary>
        public const int MaxServices = 32;

        /// <summary>Most sessions.</summary>
        public const int MaxSessions = 8;

        /// <summary>Most DIDs.</summary>
        public const int MaxDids = 64;

        private readonly byte[] _sids = new byte[MaxServices];
        private readonly byte[] _serviceAccess = new byte[MaxServices];
        private readonly uint[] _serviceAllowed = new uint[MaxServices];
        private readonly uint[] _serviceDenied = new uint[MaxServices];
        private readonly byte[] _sessions = new byte[MaxSessions];
        private readonly byte[] _sessionAccess = new byte[MaxSessions];
        private readonly uint[] _sessionAllowed = new uint[MaxSessions];
        private readonly uint[] _sessionDenied = new uint[MaxSessions];
        private readonly ushort[] _dids = new ushort[MaxDids];
        private readonly uint[] _didReads = new uint[MaxDids];

        // Index + 1 by service id and by session (0: not listed), and an open-addressed table of DID indexes + 1
        // (twice the most DIDs, so a probe ends at an empty slot within a few steps).
        private readonly byte[] _serviceBySid = new byte[256];
        private readonly byte[] _sessionByNumber = new byte[0x80];
        private readonly byte[] _didSlots = new byte[DidSlots];
        private const int DidSlots = MaxDids * 2;
        private int _serviceCount;
        private int _sessionCount;
        private int _didCount;

        /// <summary>Services listed.</summary>
        public int ServiceCount
        {
            get { return _serviceCount; }
        }

        /// <summary>Sessions listed.</summary>
        public int SessionCount
        {
            get { return _sessionCount; }
        }

        /// <summary>DIDs listed.</summary>
        public int DidCount
        {
            get { return _didCount; }
        }

        /// <summary>Lists a service; false when full, already listed, or DiagnosticSessionControl (set per session).</summary>
        public bool AddService(int sid, int access)
        {
            if (_serviceCount == MaxServices || sid < 0 || sid > 0xFF || sid == UdsService.DiagnosticSessionControl || ServiceIndex(sid) >= 0)
            {
                return false;
            }

            _sids[_serviceCount] = (byte)sid;
            _serviceAccess[_serviceCount] = (byte)access;
            _serviceCount++;
            _serviceBySid[sid] = (byte)_serviceCount;
            return true;
        }

        /// <summary>Lists a diagnostic session (0x01..0x7F); false when full or already listed.</summary>
        public bool AddSession(int session, int access)
        {
            if (_sessionCount == MaxSessions || session < 1 || session > 0x7F || SessionIndex(session) >= 0)
            {
                return false;
            }

            _sessions[_sessionCount] = (byte)session;
            _sessionAccess[_sessionCount] = (byte)access;
            _sessionCount++;
            _sessionByNumber[session] = (byte)_sessionCount;
            return true;
        }

        /// <summary>Allows a DID for ReadDataByIdentifier; false when full or already listed.</summary>
        public bool AddDid(int did)
        {
            if (_didCount == MaxDids || did < 0 || did > 0xFFFF || DidIndex(did) >= 0)
            {
                return false;
            }

            _dids[_didCount++] = (ushort)did;
            int slot = DidSlot(did);
            while (_didSlots[slot] != 0)
            {
                slot = (slot + 1) & (DidSlots - 1);
            }

            _didSlots[slot] = (byte)_didCount;
            return true;
        }

        /// <summary>Index of a service, or -1.</summary>
        public int ServiceIndex(int sid)
        {
            return (uint)sid > 0xFF ? -1 : _serviceBySid[sid] - 1;
        }

        /// <summary>Index of a session, or -1.</summary>
        public int SessionIndex(int session)
        {
            return (uint)session >= 0x80 ? -1 : _sessionByNumber[session] - 1;
        }

        /// <summary>Index of a DID, or -1.</summary>
        public int DidIndex(int did)
        {
            if ((uint)did > 0xFFFF)
            {
                return -1;
            }

            // The table is at most half full: the probe meets the DID or an empty slot.
            int slot = DidSlot(did);
            int entry;
            while ((entry = _didSlots[slot]) != 0)
            {
                if (_dids[entry - 1] == did)
                {
                    return entry - 1;
                }

                slot = (slot + 1) & (DidSlots - 1);
            }

            return -1;
        }

        // Fibonacci hashing of the 16-bit DID onto the table's 7 bits: neighbouring DIDs spread apart.
        private static int DidSlot(int did)
        {
            return (int)(((uint)did * 40503u) >> 9) & (DidSlots - 1);
        }

        /// <summary>Service id at <paramref name="i"/>.</summary>
        public int ServiceSid(int i)
        {
            return _sids[i];
        }

        /// <summary>Access of the service at <paramref name="i"/>.</summary>
        public int ServiceAccess(int i)
        {
            return _serviceAccess[i];
        }

        /// <summary>Requests allowed for the service at <paramref name="i"/>.</summary>
        public int ServiceAllowed(int i)
        {
            return (int)_serviceAllowed[i];
        }

        /// <summary>Requests denied for the service at <paramref name="i"/>.</summary>
        public int ServiceDenied(int i)
        {
            return (int)_serviceDenied[i];
        }

        /// <summary>Session at <paramref name="i"/>.</summary>
        public int Session(int i)
        {
            return _sessions[i];
        }

        /// <summary>Access of the session at <paramref name="i"/>.</summary>
        public int SessionAccess(int i)
        {
            return _sessionAccess[i];
        }

        /// <summary>Session changes allowed for the session at <paramref name="i"/>.</summary>
        public int SessionAllowed(int i)
        {
            return (int)_sessionAllowed[i];
        }

        /// <summary>Session changes denied for the session at <paramref name="i"/>.</summary>
        public int SessionDenied(int i)
        {
            return (int)_sessionDenied[i];
        }

        /// <summary>DID at <paramref name="i"/>.</summary>
        public int Did(int i)
        {
            return _dids[i];
        }

        /// <summary>Allowed reads of the DID at <paramref name="i"/>.</summary>
        public int DidReads(int i)
        {
            return (int)_didReads[i];
        }

        internal void CountService(int i, bool allowed)
        {
            if (allowed)
            {
                _serviceAllowed[i]++;
            }
            else
            {
                _serviceDenied[i]++;
            }
        }

        internal void CountSession(int i, bool allowed)
        {
            if (allowed)
            {
                _sessionAllowed[i]++;
            }
            else
            {
                _sessionDenied[i]++;
            }
        }

        internal void CountDid(int i)
        {
            _didReads[i]++;
        }
    }
}
