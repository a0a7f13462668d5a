using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace BmsGuard.Tests.Report;

/// <summary>What a page did in the browser: console errors and exceptions, requests for anything but the page itself, and the result of a script run after load.</summary>
public sealed record PageVisit(List<string> Errors, List<string> Requests, JsonNode? Probe);

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol (a WebSocket on a loopback port the
/// browser picks): opens a file as a person would and records every console error, uncaught
/// exception, log error and network request, then evaluates a probe script.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>The browser's path, or null when it is not installed.</summary>
    public static string? Path { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>CI sets BMSGUARD_REQUIRE_CHROMIUM=1: a missing browser fails instead of skipping.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("BMSGUARD_REQUIRE_CHROMIUM") == "1";

    /// <summary>Opens <paramref name="file"/>, waits for its load event and <paramref name="settle"/>, runs <paramref name="probe"/> (an expression whose value is returned as JSON).</summary>
    public static PageVisit Visit(string file, string probe, TimeSpan? settle = null)
    {
        string browser = Path ?? throw new InvalidOperationException("chromium is not installed (apt-get install chromium)");
        string profile = Directory.CreateTempSubdirectory("bmsguard-chromium-").FullName;
        var psi = new ProcessStartInfo(browser)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--metrics-recording-only",
                     "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            return VisitWith(DevToolsUrl(profile, process), new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri, probe, settle ?? TimeSpan.FromMilliseconds(500));
        }
        finally
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            try
            {
                Directory.Delete(profile, true);
            }
            catch (IOException)
            {
                // a helper process may still hold a file for a moment: the temp dir is left
            }
        }
    }

    // Chromium writes the port it chose and the browser's WebSocket path into DevToolsActivePort.
    private static string DevToolsUrl(string profile, Process process)
    {
        string file = System.IO.Path.Combine(profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (File.Exists(file))
            {
                var lines = File.ReadAllLines(file);
                if (lines.Length >= 2)
                {
                    return $"ws://127.0.0.1:{lines[0]}{lines[1]}";
                }
            }

            Assert.False(process.HasExited, $"chromium exited with {(process.HasExited ? process.ExitCode : 0)} before it listened");
            Thread.Sleep(50);
        }

        throw new TimeoutException("chromium did not open its DevTools port within 90 s");
    }

    private static PageVisit VisitWith(string url, string page, string probe, TimeSpan settle)
    {
        using var ws = new ClientWebSocket();
        ws.ConnectAsync(new Uri(url), CancellationToken.None).GetAwaiter().GetResult();
        var cdp = new Cdp(ws);
        var errors = new List<string>();
        var requests = new List<string>();
        string target = cdp.Call(null, "Target.createTarget", new JsonObject { ["url"] = "about:blank" })["targetId"]!.GetValue<string>();
        string session = cdp.Call(null, "Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true })["sessionId"]!.GetValue<string>();
        bool loaded = false;
        cdp.OnEvent = (method, p) =>
        {
            string? consoleType = method == "Runtime.consoleAPICalled" ? p["type"]?.GetValue<string>() : null;
            string? logLevel = method == "Log.entryAdded" ? p["entry"]?["level"]?.GetValue<string>() : null;
            if (consoleType is "error" or "assert")
            {
                errors.Add("console." + consoleType + ": " + string.Join(' ', p["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString())));
            }
            else if (method == "Runtime.exceptionThrown")
            {
                errors.Add("exception: " + (p["exceptionDetails"]?["exception"]?["description"] ?? p["exceptionDetails"]?["text"]));
            }
            else if (logLevel == "error")
            {
                errors.Add("log: " + p["entry"]!["text"]);
            }
            else if (method == "Network.requestWillBeSent")
            {
                string u = p["request"]!["url"]!.GetValue<string>();
                if (u != page && !u.StartsWith("data:", StringComparison.Ordinal))
                {
                    requests.Add(u);
                }
            }
            else if (method == "Page.loadEventFired")
            {
                loaded = true;
            }
        };
        foreach (string domain in new[] { "Runtime", "Log", "Network", "Page" })
        {
            cdp.Call(session, domain + ".enable", []);
        }

        cdp.Call(session, "Page.navigate", new JsonObject { ["url"] = page });
        var clock = Stopwatch.StartNew();
        while (!loaded && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            cdp.Pump(TimeSpan.FromMilliseconds(200));
        }

        Assert.True(loaded, $"{page} did not finish loading in 120 s");
        cdp.Pump(settle);
        var result = cdp.Call(session, "Runtime.evaluate", new JsonObject { ["expression"] = probe, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] != null)
        {
            errors.Add("probe: " + result["exceptionDetails"]!.ToJsonString());
        }

        return new PageVisit(errors, requests, result["result"]?["value"]?.DeepClone());
    }

    // The DevTools protocol: JSON messages with an id (answered with the same id) and events (method, params).
    private sealed class Cdp(ClientWebSocket ws)
    {
        private readonly byte[] _buffer = new byte[16 << 20];
        private readonly System.Collections.Concurrent.BlockingCollection<JsonNode> _messages = [];
        private Task? _reader;
        private int _next;

        public Action<string, JsonNode>? OnEvent { get; set; }

        public JsonNode Call(string? session, string method, JsonObject parameters)
        {
            int id = ++_next;
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
            if (session != null)
            {
                message["sessionId"] = session;
            }

            ws.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                var m = Receive(TimeSpan.FromSeconds(5));
                if (m == null)
                {
                    continue;
                }

                if (m["id"]?.GetValue<int>() == id)
                {
                    Assert.True(m["error"] == null, $"{method}: {m["error"]?.ToJsonString()}");
                    return m["result"]!;
                }

                Dispatch(m);
            }

            throw new TimeoutException($"no answer to {method} in 120 s");
        }

        public void Pump(TimeSpan time)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < time)
            {
                var m = Receive(time - clock.Elapsed);
                if (m != null)
                {
                    Dispatch(m);
                }
            }
        }

        private void Dispatch(JsonNode m)
        {
            if (m["method"] is { } method)
            {
                OnEvent?.Invoke(method.GetValue<string>(), m["params"] ?? new JsonObject());
            }
        }

        // Cancelling a WebSocket receive aborts the socket: one reader thread queues every message instead.
        private JsonNode? Receive(TimeSpan timeout)
        {
            _reader ??= Task.Run(Read);
            return timeout > TimeSpan.Zero && _messages.TryTake(out var m, timeout) ? m : null;
        }

        private void Read()
        {
            try
            {
                while (ws.State == WebSocketState.Open)
                {
                    int length = 0;
                    WebSocketReceiveResult r;
                    do
                    {
                        r = ws.ReceiveAsync(new ArraySegment<byte>(_buffer, length, _buffer.Length - length), CancellationToken.None).GetAwaiter().GetResult();
                        length += r.Count;
                    }
                    while (!r.EndOfMessage);
                    _messages.Add(JsonNode.Parse(Encoding.UTF8.GetString(_buffer, 0, length))!);
                }
            }
            catch (WebSocketException)
            {
                // the browser was closed
            }
        }
    }
}
