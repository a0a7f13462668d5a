using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace BmsGuard.Tests.Support;

/// <summary>
/// A real mosquitto broker (Debian's mosquitto) on a free loopback port, configured from a generated
/// file in a temp dir; killed on Dispose. CI installs it and sets BMSGUARD_REQUIRE_PYTHON_CAN=1, so
/// there a missing broker fails; elsewhere the tests are skipped with the install hint.
/// </summary>
public sealed class Mosquitto : IDisposable
{
    public const string BrokerPath = "/usr/sbin/mosquitto";
    public const string SubPath = "/usr/bin/mosquitto_sub";
    public const string PubPath = "/usr/bin/mosquitto_pub";

    private readonly TempDir _dir = new();
    private readonly StringBuilder _log = new();
    private Process? _process;
    private int _subs;

    private Mosquitto(int port)
    {
        Port = port;
        _dir.File("mosquitto.conf", $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n"
            + "log_type error\nlog_type warning\nlog_type notice\nlog_type information\nlog_type subscribe\n");
    }

    public static bool Installed => File.Exists(BrokerPath) && File.Exists(SubPath) && File.Exists(PubPath);

    /// <summary>Why a test needing the broker is skipped, or null when it runs.</summary>
    public static string? SkipReason => !Installed && !PythonModule.Required
        ? "mosquitto not installed (apt-get install mosquitto mosquitto-clients); CI requires it"
        : null;

    public int Port { get; }

    /// <summary>What the broker logged so far (for assertion messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a broker on a free loopback port and waits until it accepts connections.</summary>
    public static Mosquitto Start()
    {
        Assert.True(Installed, $"{BrokerPath} not found (apt-get install mosquitto mosquitto-clients)");
        var broker = new Mosquitto(FreePort());
        broker.Restart();
        return broker;
    }

    /// <summary>Starts (again) on the same port: a restarted broker keeps no session (persistence false).</summary>
    public void Restart()
    {
        Assert.Null(_process);
        var psi = new ProcessStartInfo(BrokerPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(_dir.File("mosquitto.conf"));
        var p = Process.Start(psi)!;
        p.ErrorDataReceived += (_, e) => Append(e.Data);
        p.OutputDataReceived += (_, e) => Append(e.Data);
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        _process = p;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !p.HasExited)
            {
                Thread.Sleep(20);
            }
            catch (SocketException)
            {
                throw new InvalidOperationException($"mosquitto did not accept on port {Port}: {Log}");
            }
        }
    }

    /// <summary>Kills the broker (as a crash or power loss would: no DISCONNECT to clients) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process == null)
        {
            return;
        }

        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _process.WaitForExit(5000);
        _process.Dispose();
        _process = null;
    }

    /// <summary>Runs mosquitto_pub against this broker; fails the test on a non-zero exit.</summary>
    public void Pub(params string[] args)
    {
        var psi = ClientStart(PubPath, args);
        psi.RedirectStandardInput = false;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(10_000), "mosquitto_pub did not exit");
        Assert.True(p.ExitCode == 0, $"mosquitto_pub failed ({p.ExitCode}): {stderr}{stdout.Result}");
    }

    /// <summary>Starts mosquitto_sub against this broker under a fresh client id.</summary>
    public MosquittoSub Sub(params string[] args)
    {
        string id = "sub-" + Interlocked.Increment(ref _subs);
        return new MosquittoSub(this, id, ClientStart(SubPath, ["-i", id, .. args]));
    }

    /// <summary>Waits until the broker logged a line matching <paramref name="match"/>; false on timeout.</summary>
    public bool WaitForLog(Func<string, bool> match, int timeoutMs)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        lock (_log)
        {
            while (!_log.ToString().Split('\n').Any(match))
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(_log, left);
            }

            return true;
        }
    }

    public void Dispose()
    {
        Stop();
        _dir.Dispose();
    }

    internal ProcessStartInfo ClientStart(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-h");
        psi.ArgumentList.Add("127.0.0.1");
        psi.ArgumentList.Add("-p");
        psi.ArgumentList.Add(Port.ToString());
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Append(string? line)
    {
        if (line != null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
                Monitor.PulseAll(_log);
            }
        }
    }
}

/// <summary>A fact that needs mosquitto: skipped with a hint when absent, unless CI requires it.</summary>
public sealed class MosquittoFactAttribute : FactAttribute
{
    public MosquittoFactAttribute() => Skip = Mosquitto.SkipReason;
}
