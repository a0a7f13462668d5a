using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Audit;
using BmsGuard.HostSim.Egress;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard egress report --outbox FILE --audit LOG --key AUDITKEY [--policy BUNDLE] [--from TIME] [--to TIME]</c>:
/// what left the vehicle, per destination and topic (and per signal with a policy), checked against the audit log.
/// </summary>
public static class EgressCommand
{
    /// <summary>Runs the command with the build's payload decoder (<see cref="PayloadDecoders.For"/>).</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr) => Run(cl, stdout, stderr, PayloadDecoders.For);

    /// <summary>Runs the command; <paramref name="decoders"/> gives the payload decoder for a policy (null: none).</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr, Func<TelemetryPolicy, IPayloadDecoder?> decoders)
    {
        string? action = cl.Positional.FirstOrDefault();
        if (action != "report")
        {
            throw new UsageException(action == null ? "egress needs 'report'" : $"unknown egress action '{action}' (report)");
        }

        string outboxPath = cl.Option("--outbox") ?? throw new UsageException("egress report needs --outbox FILE");
        string auditPath = cl.Option("--audit") ?? throw new UsageException("egress report needs --audit LOG");
        string keyPath = cl.Option("--key") ?? throw new UsageException("egress report needs --key AUDITKEY");
        string? policyPath = cl.Option("--policy");
        var range = new EgressRange(Time(cl, "--from"), Time(cl, "--to"));
        cl.RejectUnknown(1);
        if (range.From >= range.To)
        {
            throw new UsageException("--from must be before --to");
        }

        byte[] key = AuditKeyFile.Load(keyPath);
        var bundle = policyPath == null ? null : LoadBundle(policyPath);
        var lines = OutboxReader.Load(outboxPath, out uint? boot);
        PublishLog log;
        using (var file = OpenLog(auditPath))
        {
            log = PublishLog.Read(file, key, auditPath);
        }

        var result = EgressReport.Build(lines, outboxPath, log, auditPath, range, bundle?.Policy, bundle == null ? null : decoders(bundle.Policy), boot);
        EgressText.Print(result, outboxPath, auditPath, range, stdout);
        if (bundle != null)
        {
            stdout.WriteLine($"policy {policyPath}: version {bundle.PolicyVersion} for {bundle.Vin}, {bundle.Policy.SignalCount} signals (signature not checked: use 'bmsguard policy show --key')");
        }

        foreach (string warning in result.Warnings)
        {
            stderr.WriteLine("bmsguard: warning: " + warning);
        }

        foreach (string problem in result.Problems)
        {
            stderr.WriteLine("bmsguard: " + problem);
        }

        if (result.Problems.Count == 0)
        {
            stdout.WriteLine("verified: every publish in range has its audit record and every audited first send in range has its outbox line");
            return 0;
        }

        stdout.WriteLine($"NOT VERIFIED: {result.Problems.Count} {(result.Problems.Count == 1 ? "problem" : "problems")} (on standard error)");
        return Cli.BadInput;
    }

    private static long? Time(CommandLine cl, string option)
    {
        string? text = cl.Option(option);
        if (text == null)
        {
            return null;
        }

        return OutboxTime.ParseArgument(text)
            ?? throw new UsageException($"{option} must be unix seconds (up to 6 decimals) or an ISO 8601 time like 2026-01-01T00:00:05Z, not '{text}'");
    }

    private static TelemetryBundle LoadBundle(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read policy bundle '{path}': {e.Message}");
        }

        return TelemetryBundle.Read(data, data.Length, out int reason, out string? error)
            ?? throw new InputException($"{path}: not a valid policy bundle: {BundleReason.Name(reason)}{(error != null && error != BundleReason.Name(reason) ? ": " + error : string.Empty)}");
    }

    private static FileStorageFile OpenLog(string path)
    {
        try
        {
            return FileStorageFile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read audit log '{path}': {e.Message}");
        }
    }
}
