using System.Globalization;
using BmsGuard.Core.Commands;
using BmsGuard.HostSim.Keys;

namespace BmsGuard.HostSim.Verbs;

/// <summary><c>bmsguard keys new|show</c>: create a signing key file, or print a key's role, id and fingerprint (never its secret).</summary>
public static class KeysCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(CommandLine cl, TextWriter stdout, TextWriter stderr)
    {
        string? verb = cl.Positional.FirstOrDefault();
        switch (verb)
        {
            case "new":
                return New(cl, stdout);
            case "show":
                return Show(cl, stdout);
            default:
                throw new UsageException("keys needs 'new' or 'show'");
        }
    }

    private static int New(CommandLine cl, TextWriter stdout)
    {
        string roleName = cl.Option("--role") ?? throw new UsageException("keys new needs --role owner|fleet|workshop|battery-maker");
        int role = Role.Parse(roleName);
        if (role < 0)
        {
            throw new UsageException($"unknown role '{roleName}' (owner, fleet, workshop, battery-maker)");
        }

        int id = cl.IntOption("--id", 0, 1, ushort.MaxValue);
        if (id == 0)
        {
            throw new UsageException("keys new needs --id N (1..65535, unique per guard)");
        }

        string path = cl.Option("--out") ?? throw new UsageException("keys new needs --out FILE");
        cl.RejectUnknown(1);
        var key = KeyFile.Generate(role, (ushort)id);
        key.Save(path);
        stdout.WriteLine($"{path}: {Role.Name(role)} key {id.ToString(CultureInfo.InvariantCulture)}, fingerprint {key.Fingerprint}");
        return 0;
    }

    private static int Show(CommandLine cl, TextWriter stdout)
    {
        cl.RejectUnknown(int.MaxValue);
        if (cl.Positional.Count < 2)
        {
            throw new UsageException("keys show needs a key file");
        }

        foreach (string path in cl.Positional.Skip(1))
        {
            var key = KeyFile.Load(path);
            stdout.WriteLine($"{path}: role={Role.Name(key.Role)} id={key.Id.ToString(CultureInfo.InvariantCulture)} fingerprint={key.Fingerprint}");
        }

        return 0;
    }
}
