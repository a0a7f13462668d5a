using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BmsGuard.HostSim.Capture;
using BmsGuard.HostSim.Dbc;

namespace BmsGuard.HostSim.Verbs;

/// <summary>
/// The output forms of <c>bmsguard decode</c>. <c>text</c> is for reading ("Name=value unit", a
/// value description instead of the number); value descriptions may contain spaces and '=', so
/// programs read <c>csv</c> (RFC 4180, one row per signal value) or <c>jsonl</c> (one JSON object
/// per frame), which carry the number and the description separately.
/// </summary>
public abstract class DecodeFormat
{
    /// <summary>The CSV header row.</summary>
    public const string CsvHeader = "time,channel,id,extended,message,signal,value,unit,label";

    /// <summary>The format called <paramref name="name"/> (text, csv or jsonl).</summary>
    /// <exception cref="UsageException">An unknown name.</exception>
    public static DecodeFormat Named(string name) => name switch
    {
        "text" => new TextFormat(),
        "csv" => new CsvFormat(),
        "jsonl" => new JsonLinesFormat(),
        _ => throw new UsageException($"--format must be text, csv or jsonl, not '{name}'"),
    };

    /// <summary>Written once before the first frame (the CSV header).</summary>
    public virtual string? Header => null;

    /// <summary>Appends one decoded frame to <paramref name="line"/> (cleared first).</summary>
    public abstract void Format(StringBuilder line, CaptureFrame frame, DbcMessage message, List<DbcSignalValue> values);

    /// <summary>Seconds.microseconds since the epoch, as in candump logs.</summary>
    protected static string Time(long ns) =>
        string.Create(CultureInfo.InvariantCulture, $"{ns / 1_000_000_000}.{ns % 1_000_000_000 / 1000:D6}");

    private sealed class TextFormat : DecodeFormat
    {
        public override void Format(StringBuilder line, CaptureFrame frame, DbcMessage message, List<DbcSignalValue> values)
        {
            line.Clear().Append(Time(frame.TimestampNanos)).Append(' ').Append(frame.Channel).Append(' ').Append(message.Name);
            foreach (var v in values)
            {
                line.Append(' ').Append(v.ToString());
            }

            line.Append('\n');
        }
    }

    private sealed class CsvFormat : DecodeFormat
    {
        public override string Header => CsvHeader + "\n";

        public override void Format(StringBuilder line, CaptureFrame frame, DbcMessage message, List<DbcSignalValue> values)
        {
            line.Clear();
            string prefix = string.Create(CultureInfo.InvariantCulture, $"{Time(frame.TimestampNanos)},{Field(frame.Channel)},0x{message.Id:X},{(message.IsExtended ? 1 : 0)},{Field(message.Name)},");
            foreach (var v in values)
            {
                line.Append(prefix).Append(Field(v.Signal.Name)).Append(',').Append(v.Physical.ToString())
                    .Append(',').Append(Field(v.Signal.Unit)).Append(',').Append(Field(v.Label ?? "")).Append('\n');
            }
        }

        // RFC 4180: quote a field holding a comma, quote or line break (or edge spaces, which readers may trim).
        private static string Field(string s) =>
            s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (s.Length > 0 && (s[0] == ' ' || s[^1] == ' '))
                ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : s;
    }

    private sealed class JsonLinesFormat : DecodeFormat
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);

        public override void Format(StringBuilder line, CaptureFrame frame, DbcMessage message, List<DbcSignalValue> values)
        {
            _buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_buffer))
            {
                json.WriteStartObject();
                json.WritePropertyName("time");
                json.WriteRawValue(Time(frame.TimestampNanos));
                json.WriteString("channel", frame.Channel);
                json.WriteNumber("id", message.Id);
                json.WriteBoolean("extended", message.IsExtended);
                json.WriteString("message", message.Name);
                json.WriteStartObject("signals");
                foreach (var v in values)
                {
                    json.WriteStartObject(v.Signal.Name);
                    WriteValue(json, v.Physical);
                    json.WriteString("unit", v.Signal.Unit);
                    if (v.Label is { } label)
                    {
                        json.WriteString("label", label);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            line.Clear().Append(Encoding.UTF8.GetString(_buffer.WrittenSpan)).Append('\n');
        }

        // JSON has no NaN or infinity (IEEE signals can hold them): those are written as strings.
        private static void WriteValue(Utf8JsonWriter json, PhysicalValue value)
        {
            if (value.Exact is { } exact)
            {
                json.WriteNumber("value", exact);
            }
            else if (double.IsFinite(value.Value))
            {
                json.WriteNumber("value", value.Value);
            }
            else
            {
                json.WriteString("value", value.ToString());
            }
        }
    }
}
