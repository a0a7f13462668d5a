namespace BmsGuard.HostSim.Commands;

/// <summary>An option of a verb: <c>--name VALUE</c>, or a flag when <see cref="Value"/> is null.</summary>
public sealed record OptionSpec(string Name, string? Value, string Description, bool Repeatable = false);

/// <summary>The positional arguments of a verb: <see cref="Min"/> to <see cref="Max"/> of them, named for help.</summary>
public sealed record ArgumentSpec(string Name, int Min, int Max, string Description);

/// <summary>One verb of the CLI (<c>replay</c>, <c>command sign</c>): what help prints and what runs it.</summary>
public sealed record VerbSpec(
    string Path,
    string Description,
    ArgumentSpec? Arguments,
    OptionSpec[] Options,
    Func<CommandLine, TextWriter, TextWriter, int> Run);

/// <summary>Every verb of <c>bmsguard</c> with its arguments and options, as data: the parser, help and completion are built from it.</summary>
public static class VerbTable
{
    private static readonly OptionSpec Strict = new("--strict", null, "Refuse what the reader would otherwise accept with a warning (file:line and what was assumed).");

    private static readonly OptionSpec Out = new("--out", "FILE", "Output file (its extension picks the format; - is standard output).");

    /// <summary>Help text of a word that groups verbs (<c>keys</c>, <c>command</c>, …).</summary>
    public static string GroupDescription(string name) => name switch
    {
        "keys" => "Create and inspect signing keys.",
        "command" => "Sign command envelopes and place commands into captures.",
        "policy" => "Compile and show telemetry policy bundles.",
        "audit" => "Verify and print the guard's audit log.",
        "egress" => "Report what left the vehicle.",
        _ => name,
    };

    /// <summary>The verbs, in the order help lists them.</summary>
    public static IReadOnlyList<VerbSpec> All { get; } =
    [
        new("replay", "Replays a capture through the firmware in the emulator (default: the bundled reference drive) and writes the logs to DIR.",
            new ArgumentSpec("capture", 0, 1, "Capture file: .log candump -l, .asc, .blf, .trc, .csv, any of them .gz; - is standard input (candump)."),
            [
                new("--rules", "FILE", "Rule table (default: the built-in reference rules)."),
                new("--map", "MAP", "Channels to sides, e.g. can0=bms,can1=tcu,1=bms,2=tcu; NAME=none ignores a channel."),
                new("--out", "DIR", "Output directory (default ./bmsguard-out)."),
                new("--no-decisions", null, "Do not write decisions.log."),
                new("--quiet", null, "Print nothing but errors."),
                new("--exact-dlc", null, "Emulate a CAN driver that keeps the DLC (the STM32 driver sends 8 bytes)."),
                new("--guard", "DIR", "Run the guard on the files in DIR (from 'bmsguard provision')."),
                new("--policy", "BUNDLE", "Offer a telemetry policy bundle at boot (bmsguard policy compile)."),
                new("--mqtt", "HOST:PORT", "Also publish the sanitized telemetry to this broker (on the policy's list)."),
                new("--mqtt-wait", "DURATION", "How long to wait for the broker to acknowledge the backlog (default 15s)."),
                new("--report", "FILE", "Also write one self-contained HTML report: traffic, rules, commands and diagnostics, telemetry, audit (docs/report.md)."),
            ],
            ReplayCommand.Run),
        new("convert", "Converts a capture between formats, chosen by extension (.gz compresses).",
            new ArgumentSpec("in out", 2, 2, "Input and output capture; - is standard input or output (candump)."),
            [Strict],
            ConvertCommand.Run),
        new("rules", "Checks a rule table and prints it in canonical form (default: the built-in reference rules).",
            new ArgumentSpec("file", 0, 1, "Rule table."),
            [],
            RulesCommand.Run),
        new("gen", "Synthesizes realistic traffic for a DBC from a physical model of a drive and a DC charge.",
            null,
            [
                Out,
                new("--dbc", "FILE", "DBC database (default: samples/reference-bms.dbc)."),
                new("--duration", "DURATION", "Capture length (default 10m)."),
                new("--seed", "N", "Random seed (default 1)."),
                new("--scenario", "drive|charge|both", "What the vehicle does (default both)."),
                new("--cycle", "MS|MESSAGE=MS|MESSAGE=off", "Cycle of messages without GenMsgCycleTime (MS), or of one message (off: not sent); repeatable.", true),
                Strict,
            ],
            GenCommand.Run),
        new("sample", "Writes the reference BMS drive capture, the bundled sample (default: to standard output).",
            null,
            [Out, new("--seconds", "N", "Length in seconds (default 60)."), new("--seed", "N", "Random seed (default 1).")],
            SampleCommand.Run),
        new("decode", "Decodes a capture with a DBC database: one line per frame with its signals.",
            new ArgumentSpec("capture", 1, 1, "Capture file; - is standard input (candump)."),
            [
                new("--dbc", "FILE", "DBC database."),
                new("--signal", "NAME", "Keep only frames carrying this signal (NAME or Message.Signal); repeatable or comma-separated.", true),
                new("--format", "text|csv|jsonl", "Output: text (default), csv (one row per signal value) or jsonl (one object per frame)."),
                Strict,
            ],
            DecodeCommand.Run),
        new("keys new", "Creates a signing key (32-byte secret from the OS generator; never overwrites).",
            null,
            [new("--role", "ROLE", "owner, fleet, workshop or battery-maker."), new("--id", "N", "Key id (1-65535)."), new("--out", "FILE", "Key file to create.")],
            KeysCommand.Run),
        new("keys show", "Prints each key's role, id and fingerprint (never the secret).",
            new ArgumentSpec("file", 1, 100000, "Key files."),
            [],
            KeysCommand.Run),
        new("provision", "Prepares a guard's storage: identity, the owner key to install at first boot, the audit key.",
            null,
            [
                new("--vin", "VIN", "The vehicle's 17-character VIN."),
                new("--owner", "FILE", "The owner's key file."),
                new("--out", "DIR", "Guard directory to create."),
                new("--secoc", "ROLE", "Also a SecOC single-frame key for that role."),
            ],
            ProvisionCommand.Run),
        new("command sign", "Issues a signed command envelope; every --key signs with its next counter.",
            new ArgumentSpec("type", 1, 1, "Command type, e.g. set-charge-target, open-contactors, open-maintenance-window, provision-key."),
            [
                new("--vin", "VIN", "The vehicle the command is for."),
                new("--key", "FILE", "Signing key; repeat for co-signers.", true),
                new("--out", "FILE", "Envelope file to write."),
                new("--issued", "TIME", "Issue time (ISO 8601 or unix seconds; default now)."),
                new("--valid", "DURATION", "Lifetime (default 10m)."),
                new("--counter", "N", "Counter for the (single) signer instead of its next one."),
                new("--percent", "N", "set-charge-target: percent."),
                new("--charge-a", "AMPS", "set-current-limits: charge current."),
                new("--discharge-a", "AMPS", "set-current-limits: discharge current."),
                new("--min-mv", "MV", "set-cell-voltage-limits: minimum."),
                new("--max-mv", "MV", "set-cell-voltage-limits: maximum."),
                new("--for", "DURATION", "open-maintenance-window, open-flashing-window: how long."),
                new("--new-key", "FILE", "provision-key, rotate-key: the key to install."),
                new("--target-id", "N", "revoke-key: the key id to revoke."),
            ],
            CommandSign.Run),
        new("command inject", "Places a command envelope into a capture on the TCU side, ISO-TP segmented on the command channel.",
            new ArgumentSpec("capture out", 2, 2, "Input capture and output capture."),
            [
                new("--envelope", "FILE", "The envelope (bmsguard command sign)."),
                new("--at", "TIME", "When, after the capture's first frame (12.5s, 250ms, 2m)."),
                new("--channel", "NAME", "TCU channel (default can1)."),
                new("--id", "ID", "CAN id (default 0x6A0)."),
                new("--gap", "DURATION", "Gap between the ISO-TP frames (default 1ms)."),
                new("--tamper", "N", "Flip envelope byte N first (a forgery)."),
            ],
            CommandInject.Run),
        new("command secoc", "Places one SecOC-protected command frame (id 0x6A1) into a capture.",
            new ArgumentSpec("type capture out", 3, 3, "Command type, input capture, output capture."),
            [
                new("--key", "FILE", "secoc.key from 'bmsguard provision --secoc'."),
                new("--at", "TIME", "When, after the capture's first frame."),
                new("--percent", "N", "set-charge-target: percent."),
                new("--freshness", "N", "Freshness value instead of the next one."),
                new("--channel", "NAME", "TCU channel (default can1)."),
            ],
            CommandSecOc.Run),
        new("policy compile", "Compiles a telemetry policy (YAML naming DBC signals) into a bundle signed with the owner key.",
            new ArgumentSpec("policy", 1, 1, "Policy YAML."),
            [
                new("--dbc", "FILE", "DBC the policy names signals of."),
                new("--key", "FILE", "The owner key."),
                new("--vin", "VIN", "The vehicle."),
                new("--version", "N", "Policy version (each bundle must be newer than the last)."),
                new("--out", "FILE", "Bundle to write."),
            ],
            PolicyCommand.Run),
        new("policy show", "Prints a bundle as policy YAML and, with --key, checks its signature.",
            new ArgumentSpec("bundle", 1, 1, "Policy bundle."),
            [new("--key", "FILE", "The owner key to check the signature with.")],
            PolicyCommand.Run),
        new("audit verify", "Verifies the device's hash-chained audit log; names LOG:OFFSET and the reason at the first bad record.",
            new ArgumentSpec("log", 1, 1, "audit.log"),
            [new("--key", "FILE", "The audit key (audit.key)."), new("--expect-seq", "N", "The last sequence number the device reported (finds records cut off the end).")],
            AuditCommand.Run),
        new("audit show", "Prints every verified record: TIME seq=N kind=NAME reason=N detail=HEX.",
            new ArgumentSpec("log", 1, 1, "audit.log"),
            [new("--key", "FILE", "The audit key (audit.key).")],
            AuditCommand.Run),
        new("egress report", "Shows what left the vehicle per destination and topic and checks it against the audit log.",
            null,
            [
                new("--outbox", "FILE", "outbox.txt of the replay."),
                new("--audit", "LOG", "The guard's audit.log."),
                new("--key", "FILE", "The audit key."),
                new("--policy", "BUNDLE", "The policy bundle (adds samples per signal)."),
                new("--from", "TIME", "Start of the range (included)."),
                new("--to", "TIME", "End of the range (excluded)."),
            ],
            EgressCommand.Run),
    ];
}
