using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// The guard's keys in a fixed table of <see cref="Capacity"/> slots (no growth, no allocation after
    /// construction): key id, role, 32-byte secret, revoked flag and the last accepted counter. A key
    /// id is never forgotten, so an id cannot be reused to bring an old counter sequence back; but a
    /// revoked key's secret and counter are of no more use, so when the ring is full a new key takes
    /// the slot of a revoked one, whose id moves into a retired slot: a revoked slot whose secret bytes
    /// hold up to <see cref="RetiredPerSlot"/> more revoked ids (the counter field counts them). The
    /// ring holds 16 slots of live keys and retired ids together: e.g. 15 live keys and 17 revoked ids,
    /// or 8 live keys and 136 revoked ids.
    /// </summary>
    public sealed class KeyRing
    {
        /// <summary>Number of slots.</summary>
        public const int Capacity = 16;

        /// <summary>Bytes of one slot in <see cref="WriteTo"/>'s form: flags, role, key id, counter, secret.</summary>
        public const int EntrySize = 8 + EnvelopeFormat.SecretSize;

        /// <summary>Bytes of the whole ring in <see cref="WriteTo"/>'s form.</summary>
        public const int SerializedSize = Capacity * EntrySize;

        /// <summary>Revoked ids a retired slot holds besides its own.</summary>
        public const int RetiredPerSlot = EnvelopeFormat.SecretSize / 2;

        private const int FlagUsed = 0x01;
        private const int FlagRevoked = 0x02;
        private const int FlagRetired = 0x04;

        private readonly ushort[] _ids = new ushort[Capacity];
        private readonly byte[] _roles = new byte[Capacity];
        private readonly bool[] _revoked = new bool[Capacity];
        private readonly bool[] _retired = new bool[Capacity];
        private readonly uint[] _counters = new uint[Capacity];
        private readonly byte[] _secrets = new byte[Capacity * EnvelopeFormat.SecretSize];
        private int _count;

        /// <summary>Slots in use (revoked and retired ones included).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The slot of <paramref name="keyId"/> (for a retired id, the retired slot holding it), or -1.</summary>
        public int Find(int keyId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == keyId)
                {
                    return i;
                }

                if (_retired[i])
                {
                    int at = i * EnvelopeFormat.SecretSize;
                    for (int k = 0; k < (int)_counters[i]; k++)
                    {
                        if (((_secrets[at + (2 * k)] << 8) | _secrets[at + (2 * k) + 1]) == keyId)
                        {
                            return i;
                        }
                    }
                }
            }

            return -1;
        }

        /// <summary>True when <see cref="Add"/> would find a slot: one never used, or one revoked slots can give up.</summary>
        public bool HasRoom
        {
            get
            {
                int into;
                return _count < Capacity || ReclaimPlan(out into) >= 0;
            }
        }

        /// <summary>
        /// Adds a key with counter 0, copying 32 secret bytes from <paramref name="secret"/> at
        /// <paramref name="offset"/>. Returns its slot, or -1 when the ring has no room (<see cref="HasRoom"/>)
        /// or the id is taken (also by a revoked key). No slot of a key that is not revoked ever changes.
        /// </summary>
        public int Add(int keyId, int role, byte[] secret, int offset)
        {
            if (Find(keyId) >= 0 || keyId < 0 || keyId > 0xFFFF || role < 0 || role >= Role.Count)
            {
                return -1;
            }

            int slot = _count < Capacity ? _count++ : Reclaim();
            if (slot < 0)
            {
                return -1;
            }

            _ids[slot] = (ushort)keyId;
            _roles[slot] = (byte)role;
            _revoked[slot] = false;
            _retired[slot] = false;
            _counters[slot] = 0;
            SetSecret(slot, secret, offset);
            return slot;
        }

        // A revoked slot holding one id whose id can move into a retired slot with room (returned; the
        // retired slot in 'into'), or, failing that, -1. With no retired slot with room, a second revoked
        // single turns into one (into = that slot, returned as ~slot so the caller knows to retire it).
        private int ReclaimPlan(out int into)
        {
            into = -1;
            int single = -1;
            int second = -1;
            for (int i = 0; i < _count; i++)
            {
                if (_retired[i] && _counters[i] < RetiredPerSlot && into < 0)
                {
                    into = i;
                }
                else if (_revoked[i] && !_retired[i])
                {
                    if (single < 0)
                    {
                        single = i;
                    }
                    else if (second < 0)
                    {
                        second = i;
                    }
                }
            }

            if (single < 0)
            {
                return -1;
            }

            if (into >= 0)
            {
                return single;
            }

            if (second < 0)
            {
                return -1;
            }

            into = single;
            return second;
        }

        // Frees a revoked slot by moving its id into a retired slot; returns the freed slot or -1.
        private int Reclaim()
        {
            int into;
            int freed = ReclaimPlan(out into);
            if (freed < 0)
            {
                return -1;
            }

            if (!_retired[into])
            {
                // A revoked key's secret and counter are dead weight: the slot becomes a list of retired ids.
                System.Array.Clear(_secrets, into * EnvelopeFormat.SecretSize, EnvelopeFormat.SecretSize);
                _retired[into] = true;
                _counters[into] = 0;
            }

            int at = (into * EnvelopeFormat.SecretSize) + (2 * (int)_counters[into]);
            _secrets[at] = (byte)(_ids[freed] >> 8);
            _secrets[at + 1] = (byte)_ids[freed];
            _counters[into]++;
            System.Array.Clear(_secrets, freed * EnvelopeFormat.SecretSize, EnvelopeFormat.SecretSize);
            return freed;
        }

        /// <summary>Key id in <paramref name="slot"/>.</summary>
        public int KeyId(int slot)
        {
            return _ids[slot];
        }

        /// <summary>Role of the key in <paramref name="slot"/>.</summary>
        public int RoleOf(int slot)
        {
            return _roles[slot];
        }

        /// <summary>True when the key in <paramref name="slot"/> was revoked.</summary>
        public bool IsRevoked(int slot)
        {
            return _revoked[slot];
        }

        /// <summary>True when <paramref name="slot"/> holds retired ids instead of a key (see the class).</summary>
        public bool IsRetired(int slot)
        {
            return _retired[slot];
        }

        /// <summary>Revokes the key in <paramref name="slot"/> for good.</summary>
        public void Revoke(int slot)
        {
            _revoked[slot] = true;
        }

        /// <summary>Last counter accepted from the key in <paramref name="slot"/> (0: none yet; for a retired slot, the number of ids it holds besides its own).</summary>
        public uint Counter(int slot)
        {
            return _counters[slot];
        }

        /// <summary>Records the last accepted counter of the key in <paramref name="slot"/>.</summary>
        public void SetCounter(int slot, uint counter)
        {
            _counters[slot] = counter;
        }

        /// <summary>Replaces the secret in <paramref name="slot"/> with 32 bytes of <paramref name="secret"/> from <paramref name="offset"/>.</summary>
        public void SetSecret(int slot, byte[] secret, int offset)
        {
            System.Array.Copy(secret, offset, _secrets, slot * EnvelopeFormat.SecretSize, EnvelopeFormat.SecretSize);
        }

        /// <summary>Keys <paramref name="mac"/> with the secret in <paramref name="slot"/> (the secret never leaves the ring).</summary>
        public void KeyMac(HmacSha256 mac, int slot)
        {
            mac.SetKey(_secrets, slot * EnvelopeFormat.SecretSize, EnvelopeFormat.SecretSize);
        }

        /// <summary>Unwraps <paramref name="wrapped"/> at <paramref name="offset"/> with the secret in <paramref name="issuerSlot"/> (see <see cref="KeyWrap"/>).</summary>
        internal void Unwrap(KeyWrap wrap, int issuerSlot, uint issuerCounter, byte[] wrapped, int offset, byte[] output)
        {
            wrap.Apply(_secrets, issuerSlot * EnvelopeFormat.SecretSize, _ids[issuerSlot], issuerCounter, wrapped, offset, output, 0);
        }

        /// <summary>
        /// Copies a slot's secret (for components that verify with it, e.g. the telemetry policy store).
        /// Internal: the secret never leaves the firmware.
        /// </summary>
        internal void CopySecret(int slot, byte[] destination, int offset)
        {
            System.Array.Copy(_secrets, slot * EnvelopeFormat.SecretSize, destination, offset, EnvelopeFormat.SecretSize);
        }

        /// <summary>Forgets every key and wipes the secrets.</summary>
        public void Clear()
        {
            System.Array.Clear(_secrets, 0, _secrets.Length);
            for (int i = 0; i < Capacity; i++)
            {
                _ids[i] = 0;
                _roles[i] = 0;
                _revoked[i] = false;
                _retired[i] = false;
                _counters[i] = 0;
            }

            _count = 0;
        }

        /// <summary>Makes this ring an exact copy of <paramref name="other"/> (used to undo a change that could not be persisted).</summary>
        public void CopyFrom(KeyRing other)
        {
            System.Array.Copy(other._ids, _ids, Capacity);
            System.Array.Copy(other._roles, _roles, Capacity);
            System.Array.Copy(other._revoked, _revoked, Capacity);
            System.Array.Copy(other._retired, _retired, Capacity);
            System.Array.Copy(other._counters, _counters, Capacity);
            System.Array.Copy(other._secrets, _secrets, _secrets.Length);
            _count = other._count;
        }

        /// <summary>Writes <see cref="SerializedSize"/> bytes at <paramref name="offset"/>; unused slots are zeros.</summary>
        public void WriteTo(byte[] output, int offset)
        {
            System.Array.Clear(output, offset, SerializedSize);
            for (int i = 0; i < _count; i++)
            {
                int at = offset + (i * EntrySize);
                output[at] = (byte)(FlagUsed | (_revoked[i] ? FlagRevoked : 0) | (_retired[i] ? FlagRetired : 0));
                output[at + 1] = _roles[i];
                EnvelopeFormat.WriteU16(output, at + 2, _ids[i]);
                EnvelopeFormat.WriteU32(output, at + 4, _counters[i]);
                System.Array.Copy(_secrets, i * EnvelopeFormat.SecretSize, output, at + 8, EnvelopeFormat.SecretSize);
            }
        }

        /// <summary>
        /// Replaces the ring with <see cref="WriteTo"/>'s form read at <paramref name="offset"/>. On
        /// inconsistent input (gap between used slots, unknown flags or role, duplicate id, also among
        /// retired ids, a retired slot that is not revoked or holds too many ids) the ring is left empty
        /// and false returned.
        /// </summary>
        public bool ReadFrom(byte[] input, int offset)
        {
            Clear();
            bool ended = false;
            for (int i = 0; i < Capacity; i++)
            {
                int at = offset + (i * EntrySize);
                int flags = input[at];
                if (flags == 0)
                {
                    ended = true;
                    continue;
                }

                int id = EnvelopeFormat.ReadU16(input, at + 2);
                bool retired = (flags & FlagRetired) != 0;
                uint counter = EnvelopeFormat.ReadU32(input, at + 4);
                if (ended || (flags & ~(FlagUsed | FlagRevoked | FlagRetired)) != 0 || (flags & FlagUsed) == 0
                    || (retired && ((flags & FlagRevoked) == 0 || counter > RetiredPerSlot)) || Add(id, input[at + 1], input, at + 8) < 0)
                {
                    Clear();
                    return false;
                }

                _revoked[i] = (flags & FlagRevoked) != 0;
                _retired[i] = retired;
                _counters[i] = retired ? 0 : counter;
                for (int k = 0; retired && k < (int)counter; k++)
                {
                    // Each retired id is checked against every id read so far before it counts.
                    if (Find(EnvelopeFormat.ReadU16(input, at + 8 + (2 * k))) >= 0)
                    {
                        Clear();
                        return false;
                    }

                    _counters[i]++;
                }
            }

            return true;
        }
    }
}
