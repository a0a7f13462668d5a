using System.Text;
using System.Text.RegularExpressions;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Audit;
using BmsGuard.HostSim.Verbs;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Keys;
using BmsGuard.HostSim.Policy;
using BmsGuard.HostSim.Traffic;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// The emulator's text inputs: DBC, telemetry policy YAML (compiled against the reference DBC, then
/// bundled and read back), key files and audit key files. Contract: the only refusal is the parser's
/// own error type whose message starts with the file name and a line ("name:line: reason", or
/// "name: reason" for whole-file problems of key files); an accepted input goes on without an error.
/// </summary>
public static class HostTextTargets
{
    private const string Vin = "WBA00000000000001";
    private static readonly Lazy<DbcDatabase> ReferenceDbc = new(() => DbcDatabase.Load(ReferenceBms.DbcPath));
    private static readonly Lazy<string> ReferencePolicy = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "reference-policy.yaml")));
    private static readonly byte[] BundleKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    /// <summary>The targets.</summary>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return new("dbc", "DbcParser.Parse, then MessageCodec.Decode of every message",
            "only DbcFormatException naming file and line; an accepted DBC decodes a full-length payload of each message without an exception",
            Dbc, DbcSeeds);
        yield return new("policy-yaml", "PolicyDocument.Parse + PolicyCompiler.Compile (reference DBC) + TelemetryBundle.Encode/Read",
            "only InputException reading 'file:line: reason' (or Encode's documented ArgumentException); a compiled policy bundles and reads back",
            Policy, PolicySeeds);
        yield return new("key-file", "KeyFile.Parse", "only InputException reading 'file:line: reason' or 'file: reason'", KeyFileText, KeySeeds);
        yield return new("audit-key", "AuditKeyFile.Parse", "only InputException reading 'file: reason'", AuditKey, AuditKeySeeds);
    }

    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    private static string Refused(string message, string file, bool needLine)
    {
        string pattern = needLine ? $@"^{Regex.Escape(file)}:\d+: \S" : $@"^{Regex.Escape(file)}(:\d+)?: \S";
        if (!Regex.IsMatch(message, pattern))
        {
            throw new FuzzFailure($"error does not name {file}{(needLine ? " and a line" : "")}: '{message}'");
        }

        return "refused: " + message;
    }

    private static string Dbc(byte[] input)
    {
        DbcDatabase db;
        try
        {
            db = DbcDatabase.Parse(Text(input), "fuzz.dbc");
        }
        catch (DbcFormatException e)
        {
            if (e.Source != "fuzz.dbc" || e.Line < 1)
            {
                throw new FuzzFailure($"error without a line: '{e.Message}'");
            }

            return Refused(e.Message, "fuzz.dbc", true);
        }

        int signals = 0;
        foreach (var m in db.Messages)
        {
            byte[] data = new byte[Math.Clamp(m.Length, 0, 64)];
            Array.Fill(data, (byte)0xA5);
            signals += MessageCodec.Decode(m, data).Count;
        }

        return $"ok: {db.Messages.Count} messages, {signals} signals decoded";
    }

    private static string Policy(byte[] input)
    {
        TelemetryPolicy policy;
        try
        {
            policy = PolicyCompiler.Compile(PolicyDocument.Parse(Text(input), "fuzz.yaml"), ReferenceDbc.Value);
        }
        catch (InputException e)
        {
            return Refused(e.Message, "fuzz.yaml", true);
        }

        byte[] bundle;
        try
        {
            bundle = TelemetryBundle.Encode(policy, 1, Vin, 1, BundleKey);
        }
        catch (ArgumentException)
        {
            return "refused: bundle too large or text not printable ASCII";
        }

        var back = TelemetryBundle.Read(bundle, bundle.Length, out int reason, out string? error)
            ?? throw new FuzzFailure($"a compiled policy does not read back: {BundleReason.Name(reason)}: {error}");
        if (back.Policy.SignalCount != policy.SignalCount)
        {
            throw new FuzzFailure($"bundle read back {back.Policy.SignalCount} signals of {policy.SignalCount}");
        }

        return $"ok: {policy.SignalCount} signals, bundle {bundle.Length} bytes";
    }

    private static string KeyFileText(byte[] input)
    {
        try
        {
            var key = KeyFile.Parse(Text(input).Split('\n'), "fuzz.key");
            return $"ok: role {key.Role} id {key.Id}";
        }
        catch (InputException e)
        {
            return Refused(e.Message, "fuzz.key", false);
        }
    }

    private static string AuditKey(byte[] input)
    {
        try
        {
            return $"ok: {AuditKeyFile.Parse(Text(input), "fuzz.auditkey").Length} bytes";
        }
        catch (InputException e)
        {
            return Refused(e.Message, "fuzz.auditkey", false);
        }
    }

    private static IEnumerable<(string, byte[])> DbcSeeds()
    {
        string text = File.ReadAllText(ReferenceBms.DbcPath);
        yield return ("reference-bms.dbc", Encoding.UTF8.GetBytes(text));

        // The header and the first message alone: a small input afl-fuzz mutates quickly.
        int first = text.IndexOf("\nBO_ ", StringComparison.Ordinal);
        int second = text.IndexOf("\nBO_ ", first + 1, StringComparison.Ordinal);
        yield return ("one-message.dbc", Encoding.UTF8.GetBytes(text[..second] + "\n"));
    }

    private static IEnumerable<(string, byte[])> PolicySeeds()
    {
        yield return ("reference-policy.yaml", Encoding.UTF8.GetBytes(ReferencePolicy.Value));
        yield return ("small.yaml", Encoding.UTF8.GetBytes(
            "destination:\n  brokers: [127.0.0.1]\n  topic-prefix: t/\negress:\n  bytes-per-hour: 1000\n" +
            "signals:\n  SOC: {action: quantize, step: 0.5, every: 1s}\n"));
    }

    private static IEnumerable<(string, byte[])> KeySeeds()
    {
        yield return ("owner.key", Encoding.UTF8.GetBytes(new KeyFile(Role.Owner, 1, BundleKey).ToText()));
        yield return ("workshop.key", Encoding.UTF8.GetBytes(new KeyFile(Role.Workshop, 65535, BundleKey.Reverse().ToArray()).ToText()));
    }

    private static IEnumerable<(string, byte[])> AuditKeySeeds()
    {
        yield return ("audit.key", Encoding.UTF8.GetBytes(Convert.ToHexStringLower(BundleKey) + "\n"));
    }
}
