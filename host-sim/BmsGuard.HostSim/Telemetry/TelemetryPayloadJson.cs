using System.Globalization;
using System.Text;

namespace BmsGuard.HostSim.Telemetry;

/// <summary>
/// The compact-JSON equivalent of a payload, carrying the same fields, for size comparisons and for people:
/// <c>{"v":1,"p":7,"t":1767225600000,"s":[[signal,delta ms,value],...]}</c> for samples and
/// <c>{"v":1,"p":7,"t":...,"i":[[identifier,delta ms,"hex"],...]}</c> for pseudonyms. No spaces; deltas as in the binary form.
/// </summary>
public static class TelemetryPayloadJson
{
    /// <summary>Appends the JSON of the records [<paramref name="first"/>, <paramref name="first"/>+<paramref name="count"/>) of <paramref name="p"/> as one payload.</summary>
    public static void Write(StringBuilder sb, TelemetryPayload p, int first, int count)
    {
        bool samples = p.Kind == BmsGuard.Core.Telemetry.TelemetryBatch.SampleKind;
        long previous = samples ? p.Samples[first].TimeMillis : p.Pseudonyms[first].TimeMillis;
        sb.Append(CultureInfo.InvariantCulture, $"{{\"v\":1,\"p\":{p.PolicyVersion},\"t\":{previous},\"{(samples ? 's' : 'i')}\":[");
        for (int r = first; r < first + count; r++)
        {
            sb.Append(r == first ? "[" : ",[");
            if (samples)
            {
                var s = p.Samples[r];
                sb.Append(CultureInfo.InvariantCulture, $"{s.Signal},{s.TimeMillis - previous},{s.ValueUnits}]");
                previous = s.TimeMillis;
            }
            else
            {
                var i = p.Pseudonyms[r];
                sb.Append(CultureInfo.InvariantCulture, $"{i.Identifier},{i.TimeMillis - previous},\"{Convert.ToHexStringLower(i.Pseudonym)}\"]");
                previous = i.TimeMillis;
            }
        }

        sb.Append("]}");
    }

    /// <summary>The JSON of the whole payload.</summary>
    public static string Of(TelemetryPayload p)
    {
        var sb = new StringBuilder();
        Write(sb, p, 0, p.Kind == BmsGuard.Core.Telemetry.TelemetryBatch.SampleKind ? p.Samples.Count : p.Pseudonyms.Count);
        return sb.ToString();
    }
}
