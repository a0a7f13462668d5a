using BmsGuard.Core.Crypto;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// The guard's keys in a fixed table of <see cref="Capacity"/> slots (no growth, no allocation after
    /// construction): key id, role, 32-byte secret, revoked flag and the last accepted counter. Keys
    /// are never removed: a revoked key keeps its slot and id, so an id cannot be reused to bring an
    /// old counter sequence back.
    /// </summary>
    public sealed class KeyRing
    {
        /// <summary>Number of slots.</summary>
        public const int Capacity = 16;

        /// <summary>Bytes of one slot in <see cref="WriteTo"/>'s form: flags, role, key id, counter, secret.</summary>
        public const int EntrySize = 8 + EnvelopeFormat.SecretSize;

        /// <summary>Bytes of the whole ring in <see cref="WriteTo"/>'s form.</summary>
        public const int SerializedSize = Capacity * EntrySize;

        private const int FlagUsed = 0x01;
        private const int FlagRevoked = 0x02;

        private readonly ushort[] _ids = new ushort[Capacity];
        private readonly byte[] _roles = new byte[Capacity];
        private readonly bool[] _revoked = new bool[Capacity];
        private readonly uint[] _counters = new uint[Capacity];
        private readonly byte[] _secrets = new byte[Capacity * EnvelopeFormat.SecretSize];
        private int _count;

        /// <summary>Keys held (revoked ones included).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>The slot of <paramref name="keyId"/>, or -1.</summary>
        public int Find(int keyId)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == keyId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// Adds a key with counter 0, copying 32 secret bytes from <paramref name="secret"/> at
        /// <paramref name="offset"/>. Returns its slot, or -1 when the ring is full or the id is taken.
        /// </summary>
        public int Add(int keyId, int role, byte[] secret, int offset)
        {
            if (_count == Capacity || Find(keyId) >= 0 || keyId < 0 || keyId > 0xFFFF || role < 0 || role >= Role.Count)
            {
                return -1;
            }

            int slot = _count++;
            _ids[slot] = (ushort)keyId;
            _roles[slot] = (byte)role;
            _revoked[slot] = false;
            _counters[slot] = 0;
            SetSecret(slot, secret, offset);
            return slot;
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

        /// <summary>Revokes the key in <paramref name="slot"/> for good.</summary>
        public void Revoke(int slot)
        {
            _revoked[slot] = true;
        }

        /// <summary>Last counter accepted from the key in <paramref name="slot"/> (0: none yet).</summary>
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
                output[at] = (byte)(FlagUsed | (_revoked[i] ? FlagRevoked : 0));
                output[at + 1] = _roles[i];
                EnvelopeFormat.WriteU16(output, at + 2, _ids[i]);
                EnvelopeFormat.WriteU32(output, at + 4, _counters[i]);
                System.Array.Copy(_secrets, i * EnvelopeFormat.SecretSize, output, at + 8, EnvelopeFormat.SecretSize);
            }
        }

        /// <summary>
        /// Replaces the ring with <see cref="WriteTo"/>'s form read at <paramref name="offset"/>. On
        /// inconsistent input (gap between used slots, unknown flags or role, duplicate id) the ring is
        /// left empty and false returned.
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
                if (ended || (flags & ~(FlagUsed | FlagRevoked)) != 0 || (flags & FlagUsed) == 0 || Add(id, input[at + 1], input, at + 8) < 0)
                {
                    Clear();
                    return false;
                }

                _revoked[i] = (flags & FlagRevoked) != 0;
                _counters[i] = EnvelopeFormat.ReadU32(input, at + 4);
            }

            return true;
        }
    }
}
