using BmsGuard.Core.Commands;
using BmsGuard.Core.Crypto;
using BmsGuard.Core.IsoTp;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Policy;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// The firmware's binary inputs: command envelopes, ISO-TP frame streams, policy bundles, the stored
/// bundle file and the key ring. Their APIs promise a verdict, status or null, never an exception.
/// Where a MAC guards the bytes, the harness recomputes it under a fixed key, so that mutations reach
/// the parser behind the MAC (a crash found that way needs the key, but a bug is a bug).
/// </summary>
public static class FirmwareBinaryTargets
{
    internal const string Vin = "WBA00000000000001";
    internal static readonly byte[] OwnerSecret = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    /// <summary>The targets.</summary>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return new("envelope", "CommandEnvelope.Parse",
            "no exception; the verdict is a known CommandVerdict; an accepted envelope's lengths lie within the input", Envelope, EnvelopeSeeds);
        yield return new("isotp", "IsoTpReceiver.OnFrame over a frame stream (per frame: DLC byte, time step byte, payload)",
            "no exception; statuses are known; a complete message fits the buffer and matches the announced length", IsoTp, IsoTpSeeds);
        yield return new("bundle", "TelemetryBundle.Read (framing and TelemetryPolicyCodec.Decode)",
            "no exception; null comes with a known BundleReason; a read policy re-encodes and reads back", Bundle, BundleSeeds);
        yield return new("policy-store", "PolicyStore.Load over a stored bundle file (tags recomputed under the owner key)",
            "no exception; the result is a known BundleReason; an active policy exists exactly when Accepted", PolicyStoreLoad, PolicyStoreSeeds);
        yield return new("key-ring", "KeyRing.ReadFrom (the state record's body)",
            "no exception; a refused ring is left empty; an accepted ring writes back to the same bytes", KeyRingRead, KeyRingSeeds);
    }

    private static string Envelope(byte[] input)
    {
        var envelope = new CommandEnvelope();
        int verdict = envelope.Parse(input, input.Length);
        if (verdict < 0 || verdict >= CommandVerdict.Count)
        {
            throw new FuzzFailure($"unknown verdict {verdict}");
        }

        if (verdict == CommandVerdict.Accepted && EnvelopeFormat.Length(envelope.ParameterLength, envelope.SignatureCount) != input.Length)
        {
            throw new FuzzFailure("accepted an envelope whose length does not match its header");
        }

        return verdict == CommandVerdict.Accepted ? "ok" : "refused: " + CommandVerdict.Name(verdict);
    }

    private static IEnumerable<(string, byte[])> EnvelopeSeeds()
    {
        byte[] wrapped = KeyWrap.Wrap(OwnerSecret, 1, 1, OwnerSecret.Reverse().ToArray());
        var provision = new EnvelopeWriter(CommandType.ProvisionKey, Vin, 1_800_000_000, 1_800_000_060, EnvelopeWriter.ProvisionParameters(2, Role.Fleet, wrapped));
        provision.AddSignature(Role.Owner, 1, 1, OwnerSecret);
        yield return ("provision-key.env", provision.ToArray());

        var open = new EnvelopeWriter(CommandType.OpenContactors, Vin, 1_800_000_000, 1_800_000_060, null);
        open.AddSignature(Role.Owner, 1, 2, OwnerSecret);
        open.AddSignature(Role.Fleet, 2, 1, OwnerSecret);
        yield return ("open-contactors-2sig.env", open.ToArray());

        var revoke = new EnvelopeWriter(CommandType.RevokeKey, Vin, 1_800_000_000, 1_800_000_060, EnvelopeWriter.RevokeParameters(2));
        revoke.AddSignature(Role.Owner, 1, 3, OwnerSecret);
        yield return ("revoke-key.env", revoke.ToArray());
    }

    private static string IsoTp(byte[] input)
    {
        if (input.Length < 1)
        {
            return "refused: empty";
        }

        int capacity = 7 + ((input[0] * 16) % 4089);
        var receiver = new IsoTpReceiver(capacity, 1000);
        byte[] frame = new byte[8];
        byte[] flow = new byte[8];
        long now = 0;
        int complete = 0;
        int at = 1;
        while (at + 2 <= input.Length)
        {
            int dlc = input[at] & 0x0F;
            now += input[at + 1] * 50;
            at += 2;
            int n = Math.Min(Math.Min(dlc, 8), input.Length - at);
            Array.Clear(frame);
            Array.Copy(input, at, frame, 0, n);
            at += n;

            // A DLC above 8 is passed as is: the receiver must refuse it, not index past the frame.
            IsoTpStatus status = receiver.OnFrame(frame, dlc > 8 ? dlc : n, now);
            if (!Enum.IsDefined(status))
            {
                throw new FuzzFailure($"unknown status {(int)status}");
            }

            if (status == IsoTpStatus.SendFlowControl)
            {
                IsoTpReceiver.WriteFlowControl(flow, IsoTpReceiver.FlowClearToSend, 0, 0);
            }
            else if (status == IsoTpStatus.Complete)
            {
                if (receiver.MessageLength < 1 || receiver.MessageLength > capacity)
                {
                    throw new FuzzFailure($"complete message of {receiver.MessageLength} bytes in a {capacity}-byte buffer");
                }

                complete++;
            }
        }

        return $"ok: {complete} messages";
    }

    private static IEnumerable<(string, byte[])> IsoTpSeeds()
    {
        foreach (int length in new[] { 5, 20, 300 })
        {
            byte[] message = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            var stream = new List<byte> { 40 };
            byte[] frame = new byte[8];
            for (int i = 0; i < IsoTpSegmenter.FrameCount(length); i++)
            {
                IsoTpSegmenter.WriteFrame(message, length, i, frame);
                stream.Add(8);
                stream.Add(1);
                stream.AddRange(frame);
            }

            yield return ($"message-{length}.isotp", stream.ToArray());
        }
    }

    private static string Bundle(byte[] input)
    {
        var bundle = TelemetryBundle.Read(input, input.Length, out int reason, out string error);
        if (bundle == null)
        {
            if (reason <= BundleReason.Accepted || reason >= BundleReason.Count || reason == BundleReason.Unsigned || string.IsNullOrEmpty(error))
            {
                throw new FuzzFailure($"refused with reason {reason} and error '{error}'");
            }

            return "refused: " + BundleReason.Name(reason) + ": " + error;
        }

        byte[] again;
        try
        {
            again = TelemetryBundle.Encode(bundle.Policy, bundle.PolicyVersion, bundle.Vin, 0, null);
        }
        catch (ArgumentException)
        {
            // Read shows what it finds (version 0, an odd VIN); the store refuses those by other checks.
            return $"ok: {bundle.Policy.SignalCount} signals (version {bundle.PolicyVersion} or VIN not encodable)";
        }

        var back = TelemetryBundle.Read(again, again.Length, out reason, out error)
            ?? throw new FuzzFailure($"a read policy does not re-encode: {BundleReason.Name(reason)}: {error}");
        if (back.Policy.SignalCount != bundle.Policy.SignalCount || back.Policy.IdentifierCount != bundle.Policy.IdentifierCount)
        {
            throw new FuzzFailure("re-encoded policy differs");
        }

        return $"ok: {bundle.Policy.SignalCount} signals";
    }

    internal static byte[] ReferenceBundle(uint version)
    {
        var dbc = HostSim.Dbc.DbcDatabase.Load(HostSim.Traffic.ReferenceBms.DbcPath);
        string yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "reference-policy.yaml"));
        var policy = PolicyCompiler.Compile(PolicyDocument.Parse(yaml, "reference-policy.yaml"), dbc);
        return TelemetryBundle.Encode(policy, version, Vin, 1, OwnerSecret);
    }

    private static IEnumerable<(string, byte[])> BundleSeeds()
    {
        yield return ("reference.bundle", ReferenceBundle(1));
        var small = PolicyCompiler.Compile(PolicyDocument.Parse(
            "destination:\n  brokers: [127.0.0.1]\n  topic-prefix: t/\negress:\n  bytes-per-hour: 1000\nsignals:\n  SOC: {action: quantize, step: 0.5, every: 1s}\n", "small.yaml"),
            HostSim.Dbc.DbcDatabase.Load(HostSim.Traffic.ReferenceBms.DbcPath));
        yield return ("small-unsigned.bundle", TelemetryBundle.Encode(small, 1, Vin, 0, null));
    }

    private static string PolicyStoreLoad(byte[] input)
    {
        byte[] file = (byte[])input.Clone();
        Retag(file);
        var storage = new MemoryStorageFile(file.Length);
        storage.Append(file, 0, file.Length);
        var ring = new KeyRing();
        ring.Add(1, Role.Owner, OwnerSecret, 0);
        var store = new PolicyStore(storage, new RingOwnerKeys(ring), System.Text.Encoding.ASCII.GetBytes(Vin), new MemoryMonotonicAnchor(0));
        int result = store.Load();
        if (result < 0 || result >= BundleReason.Count || (result == BundleReason.Accepted) != (store.Active != null))
        {
            throw new FuzzFailure($"Load gave {result} with active policy {(store.Active == null ? "null" : "set")}");
        }

        return $"{(result == BundleReason.Accepted ? "ok" : "refused")}: {BundleReason.Name(result)}, file {storage.Length} of {file.Length} bytes";
    }

    /// <summary>Recomputes each framed record's tag under the owner key (records: u32 LE length, bundle).</summary>
    private static void Retag(byte[] file)
    {
        var mac = new HmacSha256(OwnerSecret);
        long at = 0;
        while (at + 4 <= file.Length)
        {
            long length = BitConverter.ToUInt32(file, (int)at);
            if (length < TelemetryBundle.HeaderSize + TelemetryBundle.TagSize || at + 4 + length > file.Length)
            {
                return;
            }

            byte[] record = file.AsSpan((int)at + 4, (int)length).ToArray();
            if (TelemetryBundle.CheckFraming(record, record.Length) == BundleReason.Accepted)
            {
                mac.Compute(file, (int)at + 4, (int)length - TelemetryBundle.TagSize, file, (int)(at + 4 + length - TelemetryBundle.TagSize));
            }

            at += 4 + length;
        }
    }

    private static IEnumerable<(string, byte[])> PolicyStoreSeeds()
    {
        var file = new List<byte>();
        foreach (uint version in new uint[] { 1, 2 })
        {
            byte[] bundle = ReferenceBundle(version);
            file.AddRange(BitConverter.GetBytes((uint)bundle.Length));
            file.AddRange(bundle);
        }

        yield return ("two-versions.store", file.ToArray());
    }

    private static string KeyRingRead(byte[] input)
    {
        byte[] bytes = new byte[KeyRing.SerializedSize];
        Array.Copy(input, bytes, Math.Min(input.Length, bytes.Length));
        var ring = new KeyRing();
        if (!ring.ReadFrom(bytes, 0))
        {
            if (ring.Count != 0)
            {
                throw new FuzzFailure("a refused ring is not empty");
            }

            return "refused";
        }

        byte[] written = new byte[KeyRing.SerializedSize];
        ring.WriteTo(written, 0);
        var again = new KeyRing();
        if (!again.ReadFrom(written, 0) || again.Count != ring.Count)
        {
            throw new FuzzFailure("an accepted ring does not read back from its own bytes");
        }

        return $"ok: {ring.Count} keys";
    }

    private static IEnumerable<(string, byte[])> KeyRingSeeds()
    {
        var ring = new KeyRing();
        ring.Add(1, Role.Owner, OwnerSecret, 0);
        int fleet = ring.Add(2, Role.Fleet, OwnerSecret.Reverse().ToArray(), 0);
        ring.SetCounter(fleet, 7);
        ring.Revoke(fleet);
        byte[] bytes = new byte[KeyRing.SerializedSize];
        ring.WriteTo(bytes, 0);
        yield return ("owner-and-revoked-fleet.ring", bytes);
    }
}
