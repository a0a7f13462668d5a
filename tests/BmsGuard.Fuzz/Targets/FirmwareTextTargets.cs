using System.Text;
using BmsGuard.Core;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.Safety;
using BmsGuard.Core.Telemetry;
using BmsGuard.Core.Uds;
using BmsGuard.Device;

namespace BmsGuard.Fuzz.Targets;

/// <summary>
/// The firmware's text tables (rules, command policy, UDS policy, uplink policy, native commands,
/// vehicle state and interlocks). Their API promises a result or null with a 1-based line and a reason,
/// never an exception. Contract: no exception at all; a refusal names a line within the text and a
/// reason; an accepted table prints to text that parses back and prints the same.
/// </summary>
public static class FirmwareTextTargets
{
    /// <summary>Parses text; null with a line and reason on error.</summary>
    private delegate object? Parse(string text, out int line, out string error);

    private const string ContractText =
        "no exception at all; null comes with a line in 0..lines+1 (0: the text as a whole) and a reason; Print(Parse(x)) parses back and prints the same";

    /// <summary>The targets.</summary>
    public static IEnumerable<FuzzTarget> All()
    {
        yield return Make("rules", "RuleTableText.Parse", RuleTableText.Parse, t => RuleTableText.Print((RuleTable)t),
            () => [("reference.rules", ReferenceRules.Text), ("one.rules", "rule a id=0x100 mask=0x7F0 ext every=10ms and=00FF00FF00FF00FF\n")]);
        yield return Make("command-policy", "CommandPolicyText.Parse", CommandPolicyText.Parse, t => CommandPolicyText.Print((CommandPolicy)t),
            () => [("default.policy", CommandPolicyText.Print(CommandPolicy.Default()))]);
        yield return Make("uds-policy", "UdsPolicyText.Parse", UdsPolicyText.Parse, t => UdsPolicyText.Print((UdsPolicy)t),
            () => [("reference.uds", UdsPolicyText.Print(UdsReferencePolicy.Create()))]);
        yield return Make("uplink-policy", "UplinkPolicyText.Parse", UplinkPolicyText.Parse, t => UplinkPolicyText.Print((UplinkPolicy)t),
            () => [("two-topics.uplink", UplinkPolicyText.Print(new UplinkPolicy(["bms/telemetry", "bms/events"])))]);
        yield return Make("native-commands", "NativeCommandText.Parse", NativeCommandText.Parse, t => NativeCommandText.Print((NativeCommandTable)t),
            () => [("reference.native", NativeCommandText.Print(ReferenceNativeCommands.NewTable()))]);
        yield return new("safety", "VehicleStateText.Parse + InterlockTableText.Parse (state, then '---', then interlocks)", ContractText,
            Safety, SafetySeeds);
    }

    private static FuzzTarget Make(string name, string parser, Parse parse, Func<object, string> print, Func<IEnumerable<(string, string)>> seeds) =>
        new(name, parser, ContractText, input => RoundTrip(Encoding.UTF8.GetString(input), parse, print),
            () => seeds().Select(s => (s.Item1, Encoding.UTF8.GetBytes(s.Item2))));

    private static string RoundTrip(string text, Parse parse, Func<object, string> print)
    {
        object? parsed = parse(text, out int line, out string error);
        if (parsed == null)
        {
            return Refused(text, line, error);
        }

        string printed = print(parsed);
        object again = parse(printed, out line, out error)
            ?? throw new FuzzFailure($"the printed form does not parse back: line {line}: {error}\n--- printed:\n{printed}");
        string reprinted = print(again);
        if (reprinted != printed)
        {
            throw new FuzzFailure($"print, parse, print differs:\n--- first:\n{printed}\n--- second:\n{reprinted}");
        }

        return $"ok: {printed.Length} chars printed";
    }

    private static string Refused(string text, int line, string error)
    {
        int lines = text.Split('\n').Length;
        if (line < 0 || line > lines + 1 || string.IsNullOrWhiteSpace(error))
        {
            throw new FuzzFailure($"refusal without a place or reason: line {line} of {lines}, '{error}'");
        }

        return $"refused: line {line}: {error}";
    }

    private static string Safety(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        int split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        string stateText = split < 0 ? VehicleStateText.Print(ReferenceSafety.NewState()) : text[..split];
        string tableText = split < 0 ? text : text[(split + 5)..];
        int offset = split < 0 ? 0 : stateText.Split('\n').Length + 1;

        VehicleState? state = VehicleStateText.Parse(stateText, out int line, out string error);
        if (state == null)
        {
            return Refused(stateText, line, error);
        }

        string result = RoundTrip(stateText, VehicleStateText.Parse, s => VehicleStateText.Print((VehicleState)s));
        InterlockTable? table = InterlockTableText.Parse(tableText, state, out line, out error);
        if (table == null)
        {
            return Refused(tableText, line, error) + $" (interlocks start after line {offset})";
        }

        string printed = InterlockTableText.Print(table);
        var again = InterlockTableText.Parse(printed, state, out line, out error)
            ?? throw new FuzzFailure($"printed interlocks do not parse back: line {line}: {error}\n--- printed:\n{printed}");
        if (InterlockTableText.Print(again) != printed)
        {
            throw new FuzzFailure("interlocks: print, parse, print differs");
        }

        return $"{result}; interlocks ok";
    }

    private static IEnumerable<(string, byte[])> SafetySeeds()
    {
        var state = ReferenceSafety.NewState();
        string stateText = VehicleStateText.Print(state);
        string tableText = InterlockTableText.Print(ReferenceSafety.NewTable(state));
        yield return ("reference.safety", Encoding.UTF8.GetBytes(stateText + "\n---\n" + tableText));
        yield return ("interlocks-only.safety", Encoding.UTF8.GetBytes(tableText));
    }
}
