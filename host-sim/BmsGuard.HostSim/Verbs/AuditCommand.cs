using BmsGuard.Core.Audit;
using BmsGuard.HostSim.Audit;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard audit verify LOG --key KEYFILE [--expect-seq N]</c> and <c>bmsguard audit show LOG --key KEYFILE</c>:
/// check the device's audit log chain, print its records.
/// </summary>
public static class AuditCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string? action = cl.Positional.FirstOrDefault();
        if (action is not ("verify" or "show"))
        {
            throw new UsageException(action == null ? "audit needs 'verify' or 'show'" : $"unknown audit action '{action}' (verify, show)");
        }

        string keyPath = cl.Option("--key") ?? throw new UsageException($"audit {action} needs --key KEYFILE");
        long expect = action == "verify" ? ExpectSequence(cl) : 0;
        cl.RejectUnknown(2);
        string log = cl.Positional.Count > 1 ? cl.Positional[1] : throw new UsageException($"audit {action} needs a log file");
        byte[] key = AuditKeyFile.Load(keyPath);
        using var file = OpenLog(log);
        return action == "verify" ? Verify(file, log, key, expect, stdout, stderr) : Show(file, log, key, stdout, stderr);
    }

    private static int Verify(FileStorageFile file, string log, byte[] key, long expect, TextWriter stdout, TextWriter stderr)
    {
        var verifier = new AuditVerifier(key);
        int problem = verifier.Verify(file, expect);
        byte[] head = new byte[AuditRecord.TagSize];
        verifier.CopyHeadTag(head, 0);
        stdout.WriteLine($"{log}: {verifier.Records} records verified, last sequence {verifier.LastSequence}, head tag {Convert.ToHexString(head)}");
        if (verifier.TornTailOffset >= 0)
        {
            stderr.WriteLine("bmsguard: " + AuditText.TornTail(log, verifier.TornTailOffset, verifier.TornTailBytes));
        }

        if (problem == AuditProblem.None)
        {
            return 0;
        }

        string message = AuditText.Problem(log, verifier.FirstProblemOffset, problem, verifier.ExpectedSequence, verifier.FoundSequence);
        if (verifier.Breaks > 1 || verifier.Resumptions > 0)
        {
            message += $" ({verifier.Breaks} chain breaks in all, {verifier.Resumptions} marked by the device, which resumed the chain after them)";
        }

        throw new InputException(message);
    }

    private static int Show(FileStorageFile file, string log, byte[] key, TextWriter stdout, TextWriter stderr)
    {
        var scanner = new AuditScanner(key);
        scanner.Start(file);
        int breaks = 0;
        for (int e = scanner.Next(); e != AuditScanner.End; e = scanner.Next())
        {
            switch (e)
            {
                case AuditScanner.Record or AuditScanner.Resumed:
                    stdout.WriteLine(AuditText.Record(scanner.RecordBytes));
                    break;
                case AuditScanner.Broken:
                    breaks++;
                    stderr.WriteLine("bmsguard: " + AuditText.Problem(log, scanner.Offset, scanner.Problem, scanner.ExpectedSequence, scanner.FoundSequence));
                    break;
                case AuditScanner.TornTail:
                    stderr.WriteLine("bmsguard: " + AuditText.TornTail(log, scanner.Offset, scanner.TailBytes));
                    break;
            }
        }

        return breaks == 0 ? 0 : Cli.BadInput;
    }

    private static long ExpectSequence(CommandLine cl)
    {
        string? v = cl.Option("--expect-seq");
        if (v == null)
        {
            return 0;
        }

        if (!uint.TryParse(v, out uint n) || n == 0)
        {
            throw new UsageException($"--expect-seq must be a sequence number from 1 to {uint.MaxValue}, not '{v}'");
        }

        return n;
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
