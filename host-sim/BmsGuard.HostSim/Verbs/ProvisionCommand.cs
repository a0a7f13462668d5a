using System.Security.Cryptography;
using BmsGuard.Core.Commands;
using BmsGuard.Device;
using BmsGuard.HostSim.Keys;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// <c>bmsguard provision --vin VIN --owner OWNER.key --out DIR</c>: prepares a guard's storage on
/// the bench: its identity (VIN, a fresh device secret), the owner key it installs at first boot,
/// and audit.key, the owner's copy of the audit log key for <c>bmsguard audit verify</c>. Copy DIR's
/// .bin files to the board's flash, or replay with <c>--guard DIR</c>.
/// </summary>
public static class ProvisionCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string vin = cl.Option("--vin") ?? throw new UsageException("provision needs --vin VIN (17 characters)");
        string ownerPath = cl.Option("--owner") ?? throw new UsageException("provision needs --owner OWNER.key (bmsguard keys new --role owner ...)");
        string dir = cl.Option("--out") ?? throw new UsageException("provision needs --out DIR");
        string? secOcRoleName = cl.Option("--secoc");
        cl.RejectUnknown(0);
        int secOcRole = secOcRoleName == null ? -1 : Role.Parse(secOcRoleName);
        if (secOcRoleName != null && (secOcRole < 0 || secOcRole == Role.BatteryMaker))
        {
            throw new UsageException($"--secoc takes the role the single-frame key stands for (owner, fleet, workshop), not '{secOcRoleName}'");
        }
        if (!VehicleId.IsValid(vin))
        {
            throw new UsageException($"--vin must be 17 characters A-Z (not I, O, Q) and 0-9, not '{vin}'");
        }

        var owner = KeyFile.Load(ownerPath);
        if (owner.Role != Role.Owner)
        {
            throw new InputException($"{ownerPath}: a {Role.Name(owner.Role)} key; the first key must be the owner's");
        }

        Directory.CreateDirectory(dir);
        string identityPath = Path.Combine(dir, GuardFiles.IdentityName);
        if (File.Exists(identityPath))
        {
            throw new InputException($"{identityPath}: already provisioned; a guard's identity is never overwritten");
        }

        byte[] secret = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(identityPath, GuardIdentity.Encode(vin, secret));
        File.WriteAllBytes(
            Path.Combine(dir, GuardFiles.OwnerName),
            OwnerProvisioning.Encode(owner.Id, owner.Secret, GuardIdentity.Derive(secret, "owner")));
        string auditKey = Path.Combine(dir, "audit.key");
        File.WriteAllText(auditKey, Convert.ToHexString(GuardIdentity.Derive(secret, "audit")) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            foreach (var f in new[] { identityPath, Path.Combine(dir, GuardFiles.OwnerName), auditKey })
            {
                File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        if (secOcRole >= 0)
        {
            byte[] key = RandomNumberGenerator.GetBytes(16);
            File.WriteAllBytes(Path.Combine(dir, GuardFiles.SecOcName), SecOcProvisioning.Encode(secOcRole, key, GuardIdentity.Derive(secret, "secoc")));
            string senderKey = Path.Combine(dir, "secoc.key");
            File.WriteAllText(senderKey, $"role {Role.Name(secOcRole)}\nkey {Convert.ToHexString(key)}\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(senderKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            stdout.WriteLine($"{dir}: SecOC single-frame key for the {Role.Name(secOcRole)} role in {senderKey} (id 0x{Guard.SecOcCommandId:X3})");
        }

        stdout.WriteLine($"{dir}: guard for {vin}; owner key {owner.Id} ({owner.Fingerprint}) installs at first boot; audit key in {auditKey}");
        return 0;
    }
}
