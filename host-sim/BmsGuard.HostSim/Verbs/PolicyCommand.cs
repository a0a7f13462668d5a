using System.Globalization;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Telemetry;
using BmsGuard.HostSim.Dbc;
using BmsGuard.HostSim.Keys;
using BmsGuard.HostSim.Policy;
using BmsGuard.HostSim.Output;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard policy compile|show</c>: compile a telemetry policy (YAML naming DBC signals) into a signed
/// bundle for one vehicle, or print a bundle back as policy YAML and check its signature.
/// </summary>
public static class PolicyCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        switch (cl.Positional.FirstOrDefault())
        {
            case "compile":
                return Compile(cl, stdout, stderr);
            case "show":
                return Show(cl, stdout, stderr);
            default:
                throw new UsageException("policy needs 'compile' or 'show'");
        }
    }

    private static int Compile(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string dbcPath = cl.Option("--dbc") ?? throw new UsageException("policy compile needs --dbc FILE");
        string keyPath = cl.Option("--key") ?? throw new UsageException("policy compile needs --key OWNER.key");
        string vin = cl.Option("--vin") ?? throw new UsageException("policy compile needs --vin VIN (17 characters)");
        string versionText = cl.Option("--version") ?? throw new UsageException("policy compile needs --version N (1..4294967295, higher than the guard's)");
        string outPath = cl.Option("--out") ?? throw new UsageException("policy compile needs --out FILE");
        cl.RejectUnknown(2);
        if (cl.Positional.Count != 2)
        {
            throw new UsageException("policy compile needs a policy file");
        }

        if (!uint.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out uint version) || version == 0)
        {
            throw new UsageException($"--version must be an integer from 1 to 4294967295, not '{versionText}'");
        }

        if (!IsVin(vin))
        {
            throw new UsageException($"--vin must be 17 characters A-Z (no I, O, Q) and 0-9, not '{vin}'");
        }

        string policyPath = cl.Positional[1];
        var key = OwnerKey(keyPath);
        var db = DbcInput.Load(dbcPath, stderr);
        if (!File.Exists(policyPath))
        {
            throw new InputException($"{policyPath}: policy file not found");
        }

        var policy = PolicyCompiler.Compile(PolicyDocument.Parse(File.ReadAllText(policyPath), policyPath), db);
        byte[] bundle;
        try
        {
            bundle = TelemetryBundle.Encode(policy, version, vin, key.Id, key.Secret);
        }
        catch (ArgumentException)
        {
            throw new InputException($"{policyPath}: the compiled bundle exceeds {TelemetryBundle.MaxSize} bytes or has a text that is not printable ASCII");
        }

        using (var side = BmsGuard.HostSim.Output.SideFile.Create(outPath))
        {
            side.Stream.Write(bundle);
            side.Commit();
        }

        if (version > PolicyStore.MaxVersionStep)
        {
            stderr.WriteLine($"bmsguard: warning: a guard takes a version at most {PolicyStore.MaxVersionStep} above the one it runs (or above any it ran before); version {version} is refused as version-jump by a guard below {version - PolicyStore.MaxVersionStep}");
        }

        stdout.WriteLine($"{outPath}: policy version {version} for {vin}: {policy.SignalCount} signals in {policy.FrameCount} frames, "
            + $"{policy.IdentifierCount} identifiers, {bundle.Length} bytes, signed by owner key {key.Id} ({key.Fingerprint})");
        return 0;
    }

    private static bool TagVerifies(byte[] data, KeyFile key) =>
        key.Id == TelemetryBundle.KeyIdOf(data) && TelemetryBundle.TagVerifies(data, data.Length, new BmsGuard.Core.Crypto.HmacSha256(key.Secret));

    private static int Show(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string? keyPath = cl.Option("--key");
        cl.RejectUnknown(2);
        if (cl.Positional.Count != 2)
        {
            throw new UsageException("policy show needs a bundle file");
        }

        string path = cl.Positional[1];
        if (!File.Exists(path))
        {
            throw new InputException($"{path}: bundle file not found");
        }

        byte[] data = File.ReadAllBytes(path);
        var bundle = TelemetryBundle.Read(data, data.Length, out int reason, out string? error);
        if (bundle == null)
        {
            // A guard checks the signature before the body: say so when the tag does not verify either.
            string tag = reason == BundleReason.BadBody && keyPath != null && !TagVerifies(data, OwnerKey(keyPath)) ? "; INVALID: the tag does not verify with the given key" : string.Empty;
            throw new InputException($"{path}: not a valid policy bundle: {BundleReason.Name(reason)}{(error != null && error != BundleReason.Name(reason) ? ": " + error : "")}{tag}");
        }

        string signature;
        bool bad = false;
        if (bundle.KeyId == 0)
        {
            signature = "unsigned (a guard refuses it)";
            bad = keyPath != null;
        }
        else if (keyPath == null)
        {
            signature = $"owner key {bundle.KeyId}, not checked (give --key)";
        }
        else
        {
            var key = OwnerKey(keyPath);
            bool ok = key.Id == bundle.KeyId && TelemetryBundle.TagVerifies(data, data.Length, new BmsGuard.Core.Crypto.HmacSha256(key.Secret));
            signature = ok ? $"verified with owner key {key.Id} ({key.Fingerprint})"
                : key.Id != bundle.KeyId ? $"NOT VERIFIED: signed by key {bundle.KeyId}, not {key.Id}" : $"INVALID: the tag does not verify with owner key {key.Id}";
            bad = !ok;
        }

        string[] header =
        [
            $"BMS Guard telemetry policy bundle {path}",
            $"format {TelemetryBundle.FormatVersion}, policy version {bundle.PolicyVersion}, vehicle {bundle.Vin}, {data.Length} bytes",
            $"signature: {signature}",
        ];
        stdout.Write(PolicyPrinter.Print(bundle.Policy, header));
        if (bad)
        {
            stderr.WriteLine($"bmsguard: {path}: signature {signature}");
            return Cli.BadInput;
        }

        return 0;
    }

    private static KeyFile OwnerKey(string path)
    {
        var key = KeyFile.Load(path);
        return key.Role == Role.Owner ? key : throw new InputException($"{path}: a policy is signed by the owner key, not a {Role.Name(key.Role)} key");
    }

    private static bool IsVin(string vin) =>
        vin.Length == TelemetryBundle.VinLength && vin.All(c => c is (>= 'A' and <= 'Z' and not 'I' and not 'O' and not 'Q') or (>= '0' and <= '9'));
}
