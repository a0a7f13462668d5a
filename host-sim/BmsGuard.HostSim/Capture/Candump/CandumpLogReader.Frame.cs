using System.Text;

namespace BmsGuard.HostSim.Capture.Candump;

/// <summary>
/// The frame part of a candump line, after the interface name: <c>id#data</c>, <c>id#R[len]</c>,
/// <c>id##Fdata</c> (CAN FD), <c>data_X</c> (raw DLC 9..15), error frames (CAN_ERR_FLAG in the id).
/// </summary>
public sealed partial class CandumpLogReader
{
    private const uint ErrFlag = 0x20000000;
    private static readonly int[] FdLengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

    private void ParseFrame(ReadOnlySpan<byte> frame, CaptureFrame f)
    {
        int hash = frame.IndexOf((byte)'#');
        if (hash < 0)
        {
            throw Error("missing '#' between identifier and data");
        }

        uint id = ParseHex(frame[..hash], "identifier");
        f.Remote = false;
        f.Transmit = false;
        f.Error = false;
        f.Fd = false;
        f.BitRateSwitch = false;
        f.ErrorStateIndicator = false;
        f.Len8Dlc = 0;
        if (hash == 3)
        {
            if (id > 0x7FF)
            {
                throw Error($"standard identifier {id:X3} above 7FF");
            }

            f.Extended = false;
        }
        else if (hash == 8)
        {
            if (id > 0x3FFFFFFF || ((id & ErrFlag) == 0 && id > 0x1FFFFFFF))
            {
                throw Error($"extended identifier {id:X8} above 1FFFFFFF");
            }

            f.Extended = (id & ErrFlag) == 0;
            f.Error = (id & ErrFlag) != 0;
            id &= f.Error ? 0x1FFFFFFFu : 0xFFFFFFFFu;
        }
        else
        {
            throw Error("identifier must have 3 (standard) or 8 (extended) hex digits");
        }

        f.Id = id;
        var rest = frame[(hash + 1)..];
        if (rest.Length > 0 && rest[0] == (byte)'#')
        {
            ParseFd(rest[1..], f);
            return;
        }

        if (rest.Length > 0 && (rest[0] == (byte)'R' || rest[0] == (byte)'r'))
        {
            f.Remote = true;
            f.Length = 0;
            if (rest.Length == 2 && rest[1] >= (byte)'0' && rest[1] <= (byte)'8')
            {
                f.Length = rest[1] - '0';
            }
            else if (rest.Length != 1)
            {
                throw Error("remote frame must be written id#R or id#R<length 0-8>");
            }

            return;
        }

        int underscore = rest.IndexOf((byte)'_');
        var data = underscore >= 0 ? rest[..underscore] : rest;
        f.Length = ParseData(data, f.Data, 8, "a classic CAN frame carries at most 8 data bytes");
        if (underscore >= 0)
        {
            var dlc = rest[(underscore + 1)..];
            int raw = dlc.Length == 1 ? HexValue(dlc[0]) : -1;
            if (f.Length != 8 || raw < 9)
            {
                throw Error("'_' suffix must follow 8 data bytes and give a raw DLC 9..F");
            }

            f.Len8Dlc = raw;
        }
    }

    private void ParseFd(ReadOnlySpan<byte> rest, CaptureFrame f)
    {
        if (rest.Length > 0 && rest[0] == (byte)'#')
        {
            throw Error("CAN XL frames (id###...) are not supported");
        }

        int flags = rest.Length > 0 ? HexValue(rest[0]) : -1;
        if (flags < 0)
        {
            throw Error("CAN FD frame needs a flags digit after '##'");
        }

        f.Fd = true;
        f.BitRateSwitch = (flags & 1) != 0;
        f.ErrorStateIndicator = (flags & 2) != 0;
        f.Length = ParseData(rest[1..], f.Data, 64, "a CAN FD frame carries at most 64 data bytes");
        if (Array.IndexOf(FdLengths, f.Length) < 0)
        {
            throw Error($"{f.Length} is not a valid CAN FD payload length");
        }
    }

    private int ParseData(ReadOnlySpan<byte> text, byte[] into, int max, string tooLong)
    {
        int n = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == (byte)'.')
            {
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                throw Error("odd number of hex digits in the data");
            }

            int hi = HexValue(text[i]);
            int lo = HexValue(text[i + 1]);
            if (hi < 0 || lo < 0)
            {
                throw Error($"invalid hex digit in the data '{Encoding.ASCII.GetString(text)}'");
            }

            if (n == max)
            {
                throw Error(tooLong);
            }

            into[n++] = (byte)((hi << 4) | lo);
            i += 2;
        }

        return n;
    }

    private uint ParseHex(ReadOnlySpan<byte> text, string what)
    {
        uint v = 0;
        foreach (byte b in text)
        {
            int d = HexValue(b);
            if (d < 0)
            {
                throw Error($"invalid hex digit in the {what} '{Encoding.ASCII.GetString(text)}'");
            }

            v = (v << 4) | (uint)d;
        }

        return v;
    }
}
