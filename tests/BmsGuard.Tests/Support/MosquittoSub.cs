using System.Diagnostics;
using Xunit;

namespace BmsGuard.Tests.Support;

/// <summary>
/// A running mosquitto_sub: collects the lines it prints, tells when its SUBACK arrived (from -d's
/// "Subscribed (mid: …)" line) and returns the message lines once it exits (-C count).
/// </summary>
public sealed class MosquittoSub : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    public MosquittoSub(ProcessStartInfo psi)
    {
        _process = Process.Start(psi)!;
        _stderr = _process.StandardError.ReadToEndAsync();
        _stdout = Task.Run(() =>
        {
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) != null)
            {
                lock (_lines)
                {
                    _lines.Add(line);
                    Monitor.PulseAll(_lines);
                }
            }
        });
    }

    /// <summary>Waits for the broker's SUBACK to mosquitto_sub, so what is published next reaches it.</summary>
    public void WaitSubscribed()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        lock (_lines)
        {
            while (!_lines.Any(l => l.StartsWith("Subscribed (mid:", StringComparison.Ordinal)))
            {
                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero && !_process.HasExited, "mosquitto_sub never subscribed: " + string.Join("\n", _lines));
                Monitor.Wait(_lines, left);
            }
        }
    }

    /// <summary>The message lines (debug lines removed) after mosquitto_sub exits on its -C count.</summary>
    public List<string> Messages(int timeoutMs = 10_000)
    {
        bool exited = _process.WaitForExit(timeoutMs);
        if (exited)
        {
            _stdout.Wait(timeoutMs);
        }

        lock (_lines)
        {
            var messages = _lines.Where(l => !l.StartsWith("Client ", StringComparison.Ordinal) && !l.StartsWith("Subscribed (mid:", StringComparison.Ordinal)).ToList();
            Assert.True(exited, "mosquitto_sub did not get its count; printed: " + string.Join("\n", _lines));
            Assert.True(_process.ExitCode == 0, $"mosquitto_sub failed ({_process.ExitCode}): {_stderr.Result}");
            return messages;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
