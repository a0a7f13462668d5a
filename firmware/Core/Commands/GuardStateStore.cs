using BmsGuard.Core.Crypto;
using BmsGuard.Core.Storage;

namespace BmsGuard.Core.Commands
{
    /// <summary>
    /// Persists the key ring (keys, revocations, last accepted counters) in two files, A and B, so a
    /// power cut while writing one leaves the other intact. Each record is
    /// <c>"BGS1" | generation u32 | ring | HMAC-SHA256(state key, all before)</c>; a save writes the
    /// file not holding the newest generation, then raises the monotonic anchor to the new generation.
    /// A load that finds only generations below the anchor (or nothing while the anchor is above 0)
    /// reports a rollback: someone restored an older storage image to replay old counters or revive
    /// revoked keys.
    /// </summary>
    public sealed class GuardStateStore
    {
        /// <summary>Bytes of one record.</summary>
        public const int RecordSize = 8 + KeyRing.SerializedSize + HmacSha256.MacSize;

        private const int NoSlot = -1;
        private static readonly byte[] Magic = EnvelopeFormat.Ascii("BGS1");

        private readonly IStorageFile[] _files = new IStorageFile[2];
        private readonly IMonotonicAnchor _anchor;
        private readonly HmacSha256 _mac;
        private readonly byte[] _record = new byte[RecordSize];
        private readonly byte[] _expected = new byte[HmacSha256.MacSize];
        private uint _generation;
        private int _newest = NoSlot;
        private uint _found;
        private uint _anchorAtLoad;

        /// <summary>
        /// Creates a store over files <paramref name="a"/> and <paramref name="b"/>, the board's anchor
        /// and its device state key (any length; from OTP or the unique id on the device).
        /// </summary>
        /// <exception cref="System.ArgumentException">An argument is null.</exception>
        public GuardStateStore(IStorageFile a, IStorageFile b, IMonotonicAnchor anchor, byte[] stateKey)
        {
            if (a == null || b == null || anchor == null || stateKey == null)
            {
                throw new System.ArgumentException();
            }

            _files[0] = a;
            _files[1] = b;
            _anchor = anchor;
            _mac = new HmacSha256(stateKey);
        }

        /// <summary>Generation of the newest record loaded or saved (0: none).</summary>
        public uint Generation
        {
            get { return _generation; }
        }

        /// <summary>Generation of the newest valid record the last <see cref="Load"/> found, loaded or not (0: none).</summary>
        public uint FoundGeneration
        {
            get { return _found; }
        }

        /// <summary>The anchor's value at the last <see cref="Load"/> (what a rollback was judged against).</summary>
        public uint AnchorAtLoad
        {
            get { return _anchorAtLoad; }
        }

        /// <summary>
        /// Loads the newest valid record into <paramref name="ring"/> (cleared otherwise) and returns a
        /// <see cref="StateLoad"/> value. Never throws on bad file contents; a file that cannot be read
        /// counts as invalid.
        /// </summary>
        public int Load(KeyRing ring)
        {
            ring.Clear();
            _newest = NoSlot;
            _generation = 0;
            uint best = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                uint generation;
                if (ReadRecord(_files[slot], out generation) && (_newest == NoSlot || generation > best))
                {
                    _newest = slot;
                    best = generation;
                }
            }

            uint anchor = _anchor.Read();
            _found = best;
            _anchorAtLoad = anchor;
            if (_newest == NoSlot)
            {
                return anchor == 0 ? StateLoad.Empty : StateLoad.RollbackDetected;
            }

            if (best < anchor)
            {
                _newest = NoSlot;
                return StateLoad.RollbackDetected;
            }

            // Read the winner again: _record holds whichever file was read last.
            uint check;
            if (!ReadRecord(_files[_newest], out check) || check != best || !ring.ReadFrom(_record, 8))
            {
                ring.Clear();
                _newest = NoSlot;
                return anchor == 0 ? StateLoad.Empty : StateLoad.RollbackDetected;
            }

            _generation = best;

            // A power cut between writing a record and raising the anchor leaves the anchor one behind.
            _anchor.Advance(best);
            return StateLoad.Loaded;
        }

        /// <summary>
        /// Writes <paramref name="ring"/> as the next generation into the older file, then raises the
        /// anchor. False when the storage or the anchor failed; the previous record is then still intact.
        /// </summary>
        public bool Save(KeyRing ring)
        {
            if (Generation == uint.MaxValue)
            {
                return false;
            }

            uint generation = Generation + 1;
            int slot = _newest == 0 ? 1 : 0;
            System.Array.Copy(Magic, _record, Magic.Length);
            EnvelopeFormat.WriteU32(_record, 4, generation);
            ring.WriteTo(_record, 8);
            _mac.Compute(_record, 0, RecordSize - HmacSha256.MacSize, _record, RecordSize - HmacSha256.MacSize);
            try
            {
                IStorageFile file = _files[slot];
                file.Truncate(0);
                file.Append(_record, 0, RecordSize);
            }
            catch (System.Exception)
            {
                // Flash full or worn, file system error: the caller denies the command that needed the write.
                // The other file still holds the previous generation.
                return false;
            }
            finally
            {
                System.Array.Clear(_record, 0, RecordSize);
            }

            _newest = slot;
            _generation = generation;
            try
            {
                _anchor.Advance(generation);
            }
            catch (System.Exception)
            {
                // The record is durable; Load raises an anchor that lags behind, so this is not fatal.
            }

            return true;
        }

        private bool ReadRecord(IStorageFile file, out uint generation)
        {
            generation = 0;
            try
            {
                if (file.Length != RecordSize)
                {
                    return false;
                }

                int read = 0;
                while (read < RecordSize)
                {
                    int n = file.Read(read, _record, read, RecordSize - read);
                    if (n <= 0)
                    {
                        return false;
                    }

                    read += n;
                }
            }
            catch (System.Exception)
            {
                return false;
            }

            for (int i = 0; i < Magic.Length; i++)
            {
                if (_record[i] != Magic[i])
                {
                    return false;
                }
            }

            if (!_mac.Verify(_record, 0, RecordSize - HmacSha256.MacSize, _record, RecordSize - HmacSha256.MacSize, HmacSha256.MacSize))
            {
                return false;
            }

            generation = EnvelopeFormat.ReadU32(_record, 4);
            return true;
        }
    }
}
