using BmsGuard.HostSim.Commands;

namespace BmsGuard.HostSim;

/// <summary>Command dispatch for the bmsguard CLI. Every user error becomes one line and a non-zero exit code, never a stack trace.</summary>
public static class Cli
{
    /// <summary>Exit code for bad input (capture or rule file errors).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for a bad command line.</summary>
    public const int Usage = 2;

    /// <summary>Usage text.</summary>
    public const string Help = """
        bmsguard — BMS Guard emulator and bench tool

        usage:
          bmsguard replay [capture.log] [--rules FILE] [--map can0=bms,can1=tcu,1=bms,2=tcu] [--out DIR] [--no-decisions] [--quiet] [--exact-dlc] [--guard DIR]
                          [--policy BUNDLE] [--mqtt HOST:PORT [--mqtt-wait 15s]] [--report FILE.html]
              Replays a capture through the firmware in the emulator; the format follows the
              extension: .log candump -l, .asc Vector ASC, .blf Vector BLF, .trc PEAK TRC, .csv
              python-can CSV, any of them .gz. Without a capture it
              replays the bundled reference drive. Writes to DIR (default ./bmsguard-out):
                to-tcu.log, to-bms.log                 frames that reached each side (candump -l)
                dropped-bms-to-tcu.log, dropped-tcu-to-bms.log   frames that did not (candump -l)
                decisions.log                          every input frame with its decision and reason
                audit.txt                              the guard's audit log: each command, UDS and key decision
                outbox.txt                             every telemetry publish (TIME DESTINATION TOPIC SIZE HEX)
                rules.txt, summary.txt                 the rule table with counters, the summary (written last)
              Logs from an earlier replay into DIR are written over and cut to the new length. Ctrl-C
              stops at the next 65,536-frame mark with every log cut there (exit 130, no summary.txt).
              The emulated controllers behave like nanoFramework's STM32 CAN driver, which hands the
              firmware 8 data bytes whatever the DLC, so forwarded frames leave with DLC 8;
              --exact-dlc emulates a driver that keeps the DLC. --guard DIR runs the guard on the files in DIR
              (from 'bmsguard provision'; its keys, counters and audit log persist there across replays);
              without it the guard is unprovisioned and denies every command. --policy offers a telemetry policy
              bundle at boot (bmsguard policy compile); the sanitized telemetry goes to outbox.txt, and with
              --mqtt also to that broker for real (it must be on the policy's broker list; the replay then waits
              up to --mqtt-wait for the broker to acknowledge the backlog). --report writes one self-contained
              HTML page (opens offline): traffic per direction by verdict, rule shares, every command and
              diagnostic attempt with its verdict and the vehicle state, telemetry raw against published,
              egress against the budget, the audit chain's check (docs/report.md).
          bmsguard convert IN OUT
              Converts a capture between formats, chosen by extension (.gz compresses).
          bmsguard rules [FILE]
              Checks a rule table and prints it in canonical form (default: the built-in reference rules).
          bmsguard gen --out CAPTURE [--dbc FILE] [--duration 10m] [--seed N] [--scenario drive|charge|both]
              Synthesizes traffic for a DBC (default: samples/reference-bms.dbc) from a physical
              model of a drive and a DC charging session: every message with a GenMsgCycleTime at
              its cycle, plus TCU commands and diagnostics that must be blocked. Any capture
              format by extension; the same arguments give the same file. Defaults: both, seed 1.
          bmsguard sample [--out FILE] [--seconds N] [--seed N]
              Writes the reference BMS drive capture, the bundled sample (default: to standard output).
          bmsguard decode CAPTURE --dbc FILE [--signal NAME[,NAME...]]
              Decodes a capture with a DBC database: one line per frame (time, channel, message, Signal=value unit);
              --signal keeps only frames carrying those signals (NAME or Message.Signal) and prints just those. Frames
              without a DBC message are counted on standard error. samples/reference-bms.dbc describes the reference BMS.
          bmsguard keys new --role owner|fleet|workshop|battery-maker --id N --out FILE
              Creates a signing key (32-byte HMAC-SHA256 secret from the OS generator; never overwrites).
          bmsguard keys show FILE...
              Prints each key's role, id and fingerprint (never the secret).
          bmsguard provision --vin VIN --owner OWNER.key --out DIR [--secoc ROLE]
              Prepares a guard's storage: identity.bin (VIN, fresh device secret), owner.bin (the owner key,
              installed at first boot, then erased), audit.key (to verify the guard's audit log); --secoc ROLE
              also a SecOC single-frame key for that role (secoc.bin for the guard, secoc.key for the sender).
          bmsguard command secoc TYPE CAPTURE OUT --key secoc.key --at TIME [--percent N] [--freshness N]
              Places one SecOC-protected command frame (id 0x6A1, 24-bit CMAC, 8-bit freshness) into a capture.
          bmsguard command sign TYPE --vin VIN --key K.key [--key K2.key] --out FILE [--issued TIME] [--valid 10m] [--counter N] [parameters]
              Issues a signed command envelope; every --key signs with its next counter (kept in K.key.counter).
              Parameters: set-charge-target --percent N; set-current-limits --charge-a A --discharge-a A;
              set-cell-voltage-limits --min-mv N --max-mv N; open-maintenance-window|open-flashing-window --for 30m;
              provision-key|rotate-key --new-key FILE; revoke-key --target-id N.
          bmsguard policy compile POLICY.yaml --dbc FILE --key OWNER.key --vin VIN --version N --out BUNDLE
              Compiles a telemetry policy (YAML naming DBC signals: forward, drop, quantize, downsample, aggregate,
              delay; identifiers dropped or pseudonymized; broker hosts, topic prefix, egress budget) into a bundle
              for one vehicle, signed with the owner key. The guard refuses unsigned, foreign and older bundles.
              samples/reference-policy.yaml is a policy for samples/reference-bms.dbc.
          bmsguard policy show BUNDLE [--key OWNER.key]
              Prints a bundle as policy YAML (compile reads it back) and, with --key, checks its signature.
          bmsguard command inject CAPTURE OUT --envelope FILE --at TIME [--channel can1] [--id 0x6A0] [--gap 1ms] [--tamper N]
              Places a command envelope into a capture on the TCU side, ISO-TP segmented on the guard's
              command channel, TIME after the capture's first frame (12.5s, 250ms, 2m); --tamper N flips
              envelope byte N first (a forgery). OUT's format follows its extension.
          bmsguard audit verify LOG --key KEYFILE [--expect-seq N]
              Verifies the device's hash-chained audit log (KEYFILE: the 32-byte audit key as 64 hex digits).
              Exit 0 when the chain holds (a torn last record from a power cut is only a warning), 1 with
              LOG:OFFSET and the reason (edited, deleted, inserted, reordered, malformed) at the first bad record.
              Whole records cut off the end leave no trace in a chain: --expect-seq N, the last sequence
              number the device reported, turns that into an error too.
          bmsguard audit show LOG --key KEYFILE
              Prints every verified record: TIME seq=N kind=NAME reason=N detail=HEX (problems on standard error, exit 1).
          bmsguard egress report --outbox FILE --audit LOG --key KEYFILE [--policy BUNDLE] [--from TIME] [--to TIME]
              Shows what left the vehicle per destination and topic (messages, resends, bytes, first and last) and, with
              --policy, samples per signal; checks the audit chain and pairs every outbox line (TIME DESTINATION TOPIC
              SIZE HEX, one publish a line) with its publish record, and every audited first send with its line. TIME:
              unix seconds or ISO 8601, --from included, --to excluded. Exit 1 with OUTBOX:LINE or LOG:OFFSET for
              unlogged egress (no record), missing transparency data (no line), tampered size or payload, a broken chain.
        """;

    /// <summary>Runs a command line, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var parsed = CommandLine.Parse(args);
            switch (parsed.Command)
            {
                case "replay":
                    return ReplayCommand.Run(parsed, stdout, stderr);
                case "rules":
                    return RulesCommand.Run(parsed, stdout, stderr);
                case "convert":
                    return ConvertCommand.Run(parsed, stdout, stderr);
                case "gen":
                    return GenCommand.Run(parsed, stdout, stderr);
                case "sample":
                    return SampleCommand.Run(parsed, stdout, stderr);
                case "decode":
                    return DecodeCommand.Run(parsed, stdout, stderr);
                case "keys":
                    return KeysCommand.Run(parsed, stdout, stderr);
                case "policy":
                    return PolicyCommand.Run(parsed, stdout, stderr);
                case "command" when parsed.Positional.FirstOrDefault() == "inject":
                    return CommandInject.Run(parsed, stdout, stderr);
                case "command" when parsed.Positional.FirstOrDefault() == "secoc":
                    return CommandSecOc.Run(parsed, stdout, stderr);
                case "command" when parsed.Positional.FirstOrDefault() == "sign":
                    return CommandSign.Run(parsed, stdout, stderr);
                case "provision":
                    return ProvisionCommand.Run(parsed, stdout, stderr);
                case "command":
                    throw new UsageException("command needs 'sign', 'inject' or 'secoc'");
                case "audit":
                    return AuditCommand.Run(parsed, stdout, stderr);
                case "egress":
                    return EgressCommand.Run(parsed, stdout, stderr);
                case "help" or "--help" or "-h" or null:
                    stdout.Write(Help);
                    return parsed.Command == null ? Usage : 0;
                default:
                    stderr.WriteLine($"bmsguard: unknown command '{parsed.Command}' (try: bmsguard help)");
                    return Usage;
            }
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"bmsguard: {e.Message} (try: bmsguard help)");
            return Usage;
        }
        catch (InputException e)
        {
            stderr.WriteLine($"bmsguard: {e.Message}");
            return BadInput;
        }
        catch (InvalidDataException e)
        {
            // A corrupt .gz: the decompressor cannot say where, only that the stream is broken.
            stderr.WriteLine($"bmsguard: compressed input is corrupt: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Files that cannot be created or written (read-only output directory, full disk).
            stderr.WriteLine($"bmsguard: {e.Message}");
            return BadInput;
        }
    }
}
