using System.Diagnostics;

namespace BmsGuard.Tests.Bench;

/// <summary>
/// A pseudo-terminal pair made by socat (pty,raw,echo=0 on both ends): what is written to one end is
/// read from the other, as between a host and a USB serial adapter. Dispose (or <see cref="Unplug"/>)
/// ends socat, which closes both ends as an unplugged adapter would.
/// </summary>
public sealed class PtyPair : IDisposable
{
    private readonly Process _socat;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bmsguard-pty-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>Starts socat and waits for both ends.</summary>
    public PtyPair()
    {
        Directory.CreateDirectory(_dir);
        HostEnd = Path.Combine(_dir, "host");
        AdapterEnd = Path.Combine(_dir, "adapter");
        var psi = new ProcessStartInfo("socat") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add($"pty,raw,echo=0,link={HostEnd}");
        psi.ArgumentList.Add($"pty,raw,echo=0,link={AdapterEnd}");
        _socat = Process.Start(psi)!;
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(HostEnd) && File.Exists(AdapterEnd)))
        {
            if (_socat.HasExited || clock.ElapsedMilliseconds > 10_000)
            {
                throw new InvalidOperationException("socat did not make the pty pair: " + (_socat.HasExited ? _socat.StandardError.ReadToEnd() : "timeout"));
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Why pty tests are skipped here (socat missing), or null; CI installs socat and requires it.</summary>
    public static string? SkipReason { get; } = Find() ? null
        : Environment.GetEnvironmentVariable("BMSGUARD_REQUIRE_PYTHON_CAN") == "1" ? null : "socat not installed (apt-get install socat); CI requires it";

    /// <summary>The end the host program (bmsguard, python-can) opens as its serial port.</summary>
    public string HostEnd { get; }

    /// <summary>The end the emulated adapter serves.</summary>
    public string AdapterEnd { get; }

    /// <summary>Ends socat: both ends close, as when the adapter is pulled out.</summary>
    public void Unplug()
    {
        if (!_socat.HasExited)
        {
            _socat.Kill();
            _socat.WaitForExit();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Unplug();
        _socat.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static bool Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "socat")))
            {
                return true;
            }
        }

        return false;
    }
}
