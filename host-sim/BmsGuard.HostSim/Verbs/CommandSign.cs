using System.Globalization;
using BmsGuard.Core.Commands;
using BmsGuard.HostSim.Keys;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard command sign TYPE --vin VIN --key K.key [--key K2.key] --out FILE [parameters]</c>:
/// issues a signed command envelope (v1). Each key signs with its next counter, kept in a
/// <c>K.key.counter</c> file beside the key (or --counter N with one key, e.g. to stage a replay).
/// </summary>
public static class CommandSign
{
    /// <summary>Parameter options per command type, for the help text.</summary>
    public const string ParameterHelp =
        "set-charge-target --percent N; set-current-limits --charge-a A --discharge-a A; " +
        "set-cell-voltage-limits --min-mv N --max-mv N; open-maintenance-window|open-flashing-window --for DURATION; " +
        "provision-key|rotate-key --new-key FILE; revoke-key --target-id N";

    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        if (cl.Positional.Count < 2)
        {
            throw new UsageException("command sign needs a command type: " + string.Join(", ", Enumerable.Range(1, CommandType.Max).Where(CommandParameters.IsKnown).Select(CommandType.Name)));
        }

        string typeName = cl.Positional[1];
        int type = CommandType.Parse(typeName);
        if (type < 0 || !CommandParameters.IsKnown(type))
        {
            throw new UsageException($"unknown command type '{typeName}'");
        }

        string vin = cl.Option("--vin") ?? throw new UsageException("command sign needs --vin VIN");
        if (!VehicleId.IsValid(vin))
        {
            throw new UsageException($"--vin must be 17 characters A-Z (not I, O, Q) and 0-9, not '{vin}'");
        }

        string keyList = cl.Option("--key") ?? throw new UsageException("command sign needs --key FILE (repeat it for each co-signer)");
        string output = cl.Option("--out") ?? throw new UsageException("command sign needs --out FILE");
        long issued = ParseTime(cl.Option("--issued"));
        long valid = Durations.ParseNanos(cl.Option("--valid") ?? "10m", "--valid") / 1_000_000_000;
        string? counterText = cl.Option("--counter");
        var keyPaths = keyList.Split(',');
        var keys = keyPaths.Select(KeyFile.Load).ToList();
        uint[] counters = keyPaths.Select(NextCounter).ToArray();
        if (counterText != null)
        {
            if (keys.Count != 1 || !uint.TryParse(counterText, NumberStyles.None, CultureInfo.InvariantCulture, out uint fixedCounter) || fixedCounter == 0)
            {
                throw new UsageException("--counter needs one --key and a number from 1");
            }

            counters[0] = fixedCounter;
        }

        byte[] parameters = Parameters(type, cl, keys[0], counters[0]);
        cl.RejectUnknown(2);
        int check = CommandParameters.Check(type, parameters, 0, parameters.Length);
        if (check != CommandVerdict.Accepted)
        {
            throw new UsageException($"parameters for {typeName} are out of range ({CommandVerdict.Name(check)}): {ParameterHelp}");
        }

        var writer = new EnvelopeWriter(type, vin, (uint)issued, (uint)(issued + valid), parameters);
        for (int i = 0; i < keys.Count; i++)
        {
            writer.AddSignature(keys[i].Role, keys[i].Id, counters[i], keys[i].Secret);
        }

        byte[] envelope = writer.ToArray();
        File.WriteAllBytes(output, envelope);
        if (counterText == null)
        {
            for (int i = 0; i < keys.Count; i++)
            {
                File.WriteAllText(keyPaths[i] + ".counter", counters[i].ToString(CultureInfo.InvariantCulture) + "\n");
            }
        }

        string signers = string.Join(", ", keys.Select((k, i) => $"{Role.Name(k.Role)} key {k.Id} counter {counters[i]}"));
        stdout.WriteLine($"{output}: {envelope.Length}-byte {typeName} for {vin}, valid {issued}..{issued + valid} (unix s), signed by {signers}");
        return 0;
    }

    private static byte[] Parameters(int type, CommandLine cl, KeyFile issuer, uint issuerCounter)
    {
        switch (type)
        {
            case CommandType.SetChargeTarget:
                return [(byte)cl.IntOption("--percent", 0, 0, 255)];
            case CommandType.SetCurrentLimits:
                return U16Pair(Tenths(cl, "--charge-a"), Tenths(cl, "--discharge-a"));
            case CommandType.SetCellVoltageLimits:
                return U16Pair(cl.IntOption("--min-mv", 0, 0, ushort.MaxValue), cl.IntOption("--max-mv", 0, 0, ushort.MaxValue));
            case CommandType.OpenMaintenanceWindow or CommandType.OpenFlashingWindow:
                long seconds = Durations.ParseNanos(cl.Option("--for") ?? throw new UsageException("a window needs --for DURATION (e.g. 30m)"), "--for") / 1_000_000_000;
                if (seconds is < 1 or > ushort.MaxValue)
                {
                    throw new UsageException("--for must be 1 s to 18 h");
                }

                return U16Pair((int)seconds, -1);
            case CommandType.ProvisionKey or CommandType.RotateKey:
                string path = cl.Option("--new-key") ?? throw new UsageException($"{CommandType.Name(type)} needs --new-key FILE");
                var key = KeyFile.Load(path);
                byte[] wrapped = KeyWrap.Wrap(issuer.Secret, issuer.Id, issuerCounter, key.Secret);
                if (type == CommandType.RotateKey)
                {
                    if (key.Id != issuer.Id || key.Role != issuer.Role)
                    {
                        throw new UsageException($"rotate-key: {path} must have the signing key's id {issuer.Id} and role {Role.Name(issuer.Role)}");
                    }

                    return wrapped;
                }

                return EnvelopeWriter.ProvisionParameters(key.Id, key.Role, wrapped);
            case CommandType.RevokeKey:
                return EnvelopeWriter.RevokeParameters(cl.IntOption("--target-id", 0, 1, ushort.MaxValue));
            default:
                return [];
        }
    }

    private static int Tenths(CommandLine cl, string option)
    {
        string text = cl.Option(option) ?? throw new UsageException($"set-current-limits needs {option} AMPS");
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amps) || amps <= 0 || amps * 10 > ushort.MaxValue || amps * 10 != decimal.Truncate(amps * 10))
        {
            throw new UsageException($"{option} must be amps with at most one decimal, 0.1 to 6553.5, not '{text}'");
        }

        return (int)(amps * 10);
    }

    private static byte[] U16Pair(int a, int b) => b < 0
        ? [(byte)(a >> 8), (byte)a]
        : [(byte)(a >> 8), (byte)a, (byte)(b >> 8), (byte)b];

    private static uint NextCounter(string keyPath)
    {
        string path = keyPath + ".counter";
        if (!File.Exists(path))
        {
            return 1;
        }

        string text = File.ReadAllText(path).Trim();
        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out uint last) || last == uint.MaxValue)
        {
            throw new InputException($"{path}:1: not a counter: '{text}'");
        }

        return last + 1;
    }

    private static long ParseTime(string? text)
    {
        if (text == null)
        {
            return DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        }

        // The same forms as egress report's --from/--to: unix seconds or ISO 8601.
        if (Egress.OutboxTime.ParseArgument(text) is long micros && micros >= 0 && micros / 1_000_000 <= uint.MaxValue)
        {
            return micros / 1_000_000;
        }

        throw new UsageException($"--issued must be unix seconds or an ISO 8601 time like 2026-01-01T00:00:05Z, not '{text}'");
    }
}
