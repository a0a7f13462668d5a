using System.Diagnostics;
using Xunit;

namespace BmsGuard.Tests.Support;

/// <summary>
/// A running mosquitto_sub: tells when the broker has its subscription (from the broker's subscribe
/// log line "<client id> <qos> <filter>"; mosquitto_sub's own output is block-buffered on a pipe) and
/// returns the lines it printed once it exits on its -C count.
/// </summary>
public sealed class MosquittoSub : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private readonly Mosquitto _broker;
    private readonly string _clientId;

    public MosquittoSub(Mosquitto broker, string clientId, ProcessStartInfo psi)
    {
        _broker = broker;
        _clientId = clientId;
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

    /// <summary>Waits until the broker registered the subscription, so what is published next reaches it.</summary>
    public void WaitSubscribed()
    {
        bool subscribed = _broker.WaitForLog(l => l.Contains(": " + _clientId + " ", StringComparison.Ordinal), 10_000);
        Assert.True(subscribed, "mosquitto_sub " + _clientId + " never subscribed; broker log:\n" + _broker.Log);
    }

    /// <summary>The lines printed, after mosquitto_sub exits on its -C count.</summary>
    public List<string> Messages(int timeoutMs = 10_000)
    {
        bool exited = _process.WaitForExit(timeoutMs);
        if (exited)
        {
            _stdout.Wait(timeoutMs);
        }

        lock (_lines)
        {
            var messages = _lines.ToList();
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
