using System.Globalization;
using BmsGuard.Core.Commands;
using BmsGuard.Core.SecOc;
using BmsGuard.Device;
using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard command secoc TYPE CAPTURE OUT --key secoc.key --at TIME [--percent N] [--freshness N]</c>:
/// places one SecOC-protected command frame (id 0x6A1: type, up to 3 parameter bytes, 8-bit freshness,
/// 24-bit CMAC) into a capture on the TCU side. The freshness counter continues from <c>secoc.key.counter</c>;
/// --freshness N reuses a value (e.g. to stage a replay).
/// </summary>
public static class CommandSecOc
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        if (cl.Positional.Count != 4)
        {
            throw new UsageException("command secoc needs a command type, a capture and an output file");
        }

        int type = CommandType.Parse(cl.Positional[1]);
        if (type < 0)
        {
            throw new UsageException($"unknown command type '{cl.Positional[1]}'");
        }

        string keyPath = cl.Option("--key") ?? throw new UsageException("command secoc needs --key secoc.key (from bmsguard provision --secoc)");
        long at = Durations.ParseNanos(cl.Option("--at") ?? throw new UsageException("command secoc needs --at TIME"), "--at");
        int percent = cl.IntOption("--percent", 0, 0, 255);
        string? freshnessText = cl.Option("--freshness");
        string channel = cl.Option("--channel") ?? "can1";
        string? inputFormat = cl.Option("--input-format");
        string? outputFormat = cl.Option("--format");
        cl.RejectUnknown(4);

        byte[] key = ReadKey(keyPath);
        long freshness;
        if (freshnessText != null)
        {
            if (!long.TryParse(freshnessText, NumberStyles.None, CultureInfo.InvariantCulture, out freshness) || freshness < 1)
            {
                throw new UsageException($"--freshness must be a number from 1, not '{freshnessText}'");
            }
        }
        else
        {
            string counterPath = keyPath + ".counter";
            freshness = (File.Exists(counterPath) ? long.Parse(File.ReadAllText(counterPath).Trim(), CultureInfo.InvariantCulture) : 0) + 1;
            File.WriteAllText(counterPath, freshness.ToString(CultureInfo.InvariantCulture) + "\n");
        }

        var sender = new SecOcSender(Guard.SecOcCommandId, key, 0);
        sender.Restore(freshness - 1);
        byte[] payload = [(byte)type, (byte)percent, 0, 0];
        byte[] data = new byte[8];
        sender.Build(payload, 0, 4, data, 0);

        var frame = new CaptureFrame { Channel = channel, Id = Guard.SecOcCommandId, Length = 8 };
        data.CopyTo(frame.Data, 0);
        long count = CaptureMerge.Insert(cl.Positional[2], cl.Positional[3], [frame], at, 0, inputFormat, outputFormat);
        stderr.WriteLine($"bmsguard: {(cl.Positional[3] == "-" ? "<stdout>" : cl.Positional[3])}: {count} frames, {CommandType.Name(type)} as SecOC frame {Convert.ToHexString(data)} (freshness {freshness})");
        return 0;
    }

    private static byte[] ReadKey(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: SecOC key file not found");
        }

        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("key ", StringComparison.Ordinal))
            {
                string hex = lines[i][4..].Trim();
                if (hex.Length != 32 || !hex.All(Uri.IsHexDigit))
                {
                    throw new InputException($"{path}:{i + 1}: key must be 32 hex digits");
                }

                return Convert.FromHexString(hex);
            }
        }

        throw new InputException($"{path}: not a SecOC key file: no 'key' line");
    }
}
