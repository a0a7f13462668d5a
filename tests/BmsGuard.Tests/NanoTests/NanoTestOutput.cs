using System.Text;
using Xunit.Abstractions;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// Routes what a running nanoFramework test prints (OutputHelper writes to the console) to that
/// test's xunit output, by async flow, so tests running in parallel elsewhere keep their console.
/// </summary>
public static class NanoTestOutput
{
    private static readonly AsyncLocal<StringWriter?> Current = new();
    private static readonly Lazy<bool> Installed = new(() =>
    {
        Console.SetOut(new RoutingWriter(Console.Out));
        return true;
    });

    /// <summary>Starts capturing the current flow's console output; disposing the capture hands it to <paramref name="output"/>.</summary>
    public static Capture Begin(ITestOutputHelper? output)
    {
        _ = Installed.Value;
        StringWriter buffer = new();
        Current.Value = buffer;
        return new Capture(buffer, output);
    }

    /// <summary>An active capture.</summary>
    public sealed class Capture : IDisposable
    {
        private readonly StringWriter _buffer;
        private readonly ITestOutputHelper? _output;

        internal Capture(StringWriter buffer, ITestOutputHelper? output)
        {
            _buffer = buffer;
            _output = output;
        }

        /// <summary>Text captured so far.</summary>
        public string Text => _buffer.ToString();

        public void Dispose()
        {
            Current.Value = null;
            string text = _buffer.ToString().TrimEnd();
            if (_output != null && text.Length > 0)
            {
                _output.WriteLine(text);
            }
        }
    }

    private sealed class RoutingWriter : TextWriter
    {
        private readonly TextWriter _fallback;

        public RoutingWriter(TextWriter fallback)
        {
            _fallback = fallback;
        }

        public override Encoding Encoding => _fallback.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void Flush() => _fallback.Flush();

        private TextWriter Target => (TextWriter?)Current.Value ?? _fallback;
    }
}
