using System.Diagnostics;

namespace BmsGuard.Tests.Support;

/// <summary>
/// Runs the real bmsguard process (the bmsguard.dll built beside the tests), in shell pipelines:
/// in the script, <c>bmsguard</c> is the CLI, <c>set -o pipefail</c> is on, and the working
/// directory is <paramref name="dir"/>. For what only a process shows: standard input and output
/// as byte streams, pipes, broken pipes, terminals.
/// </summary>
public sealed record CliProcess(int ExitCode, byte[] Stdout, string Stderr)
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "bmsguard.dll");

    /// <summary>The standard output as text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Stdout);

    /// <summary>Runs <paramref name="script"/> with bash in <paramref name="dir"/>.</summary>
    public static CliProcess Shell(string script, string dir)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = dir };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"bmsguard() {{ dotnet '{Dll}' \"$@\"; }}\nset -o pipefail\n{script}");
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = new MemoryStream();
        var copy = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{script}' did not end in 3 minutes");
        }

        copy.Wait();
        return new CliProcess(p.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>
    /// Runs <paramref name="script"/> (as <see cref="Shell"/>) with standard error, and standard output
    /// too when <paramref name="stdoutOnTerminal"/>, on a real pseudo-terminal (python3's pty module);
    /// returns what the terminal received and the exit code.
    /// </summary>
    public static (int ExitCode, string Terminal) OnTerminal(string script, string dir, bool stdoutOnTerminal = false)
    {
        const string Runner = """
import os, pty, subprocess, sys
master, slave = pty.openpty()
out = slave if sys.argv[2] == "1" else subprocess.DEVNULL
p = subprocess.Popen(["bash", "-c", sys.argv[1]], stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
os.close(slave)
seen = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
p.wait()
sys.stdout.buffer.write(seen)
sys.exit(p.returncode)
""";
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(Runner);
        psi.ArgumentList.Add($"bmsguard() {{ dotnet '{Dll}' \"$@\"; }}\n{script}");
        psi.ArgumentList.Add(stdoutOnTerminal ? "1" : "0");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr);
    }
}
