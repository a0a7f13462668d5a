using BmsGuard.HostSim.Capture;

namespace BmsGuard.HostSim.Sample;

/// <summary>
/// Synthesizes the bundled sample capture: a drive of the reference BMS (pack data at its cycle
/// times, physically consistent: SOC integrates current, voltage sags with load, cells track the
/// pack, temperatures rise with I²R) on can0, and TCU traffic that must be blocked on can1 (UDS
/// sessions, remote commands, a cloud heartbeat, a remote frame, a CAN FD frame). Seeded and
/// deterministic.
/// </summary>
public static class ReferenceTrafficGenerator
{
    /// <summary>2026-01-01T00:00:00Z, the capture's start.</summary>
    public const long StartSeconds = 1_767_225_600;

    private const double CapacityAh = 150;
    private const double PackResistance = 0.09;

    /// <summary>Writes <paramref name="seconds"/> of traffic, in time order, to <paramref name="writer"/>.</summary>
    public static int Write(CandumpLogWriter writer, int seconds = 60, ulong seed = 1)
    {
        var frames = Generate(seconds, seed);
        foreach (var f in frames)
        {
            writer.Write(f);
        }

        return frames.Count;
    }

    /// <summary>Generates the frames, sorted by time.</summary>
    public static List<CaptureFrame> Generate(int seconds, ulong seed)
    {
        var rng = new Xorshift(seed);
        var list = new List<(long T, int Seq, CaptureFrame F)>();
        int seq = 0;
        void Add(long micros, string channel, uint id, bool ext, params byte[] data)
        {
            var f = new CaptureFrame { Channel = channel, Id = id, Extended = ext, Length = data.Length };
            data.CopyTo(f.Data, 0);
            // Real ECUs jitter by tens of microseconds around their cycle.
            long jitter = (long)(rng.Symmetric() * 40);
            f.TimestampNanos = ((StartSeconds * 1_000_000) + Math.Max(0, micros + jitter)) * 1000;
            list.Add((f.TimestampNanos, seq++, f));
        }

        double soc = 0.80;
        double tempC = 24.0;
        byte counter = 0;
        bool charging = false;
        for (int ms = 0; ms < seconds * 1000; ms++)
        {
            double t = ms / 1000.0;

            // Long captures: drive down to 20 % SOC, then a DC charging stop back up to 80 %.
            if (!charging && soc < 0.20)
            {
                charging = true;
            }
            else if (charging && soc > 0.80)
            {
                charging = false;
            }

            double current = (charging ? -180 : DriveCurrent(t % 60)) + (rng.Symmetric() * 1.5);
            soc -= current * 0.001 / (CapacityAh * 3600);
            tempC += ((current * current * PackResistance) - ((tempC - 24) * 40)) * 0.001 / 90000;
            double ocv = ReferenceBms.Cells * (3.35 + (0.8 * soc));
            double volts = ocv - (current * PackResistance);
            double cell = volts / ReferenceBms.Cells;
            long us = ms * 1000L;

            if (ms % 20 == 0)
            {
                ushort v = (ushort)Math.Round(volts * 10);
                short a = (short)Math.Round(current * 10);
                var d = new byte[] { (byte)v, (byte)(v >> 8), (byte)a, (byte)(a >> 8), (byte)Math.Round(soc * 200), 194, (byte)(counter++ & 0x0F), 0 };
                d[7] = Checksum(d);
                Add(us, "can0", ReferenceBms.PackStatus, false, d);
            }

            if (ms % 100 == 3)
            {
                ushort min = (ushort)Math.Round((cell * 1000) - 9 - rng.Below(3));
                ushort max = (ushort)Math.Round((cell * 1000) + 11 + rng.Below(3));
                Add(us, "can0", ReferenceBms.CellExtremes, false, (byte)min, (byte)(min >> 8), (byte)max, (byte)(max >> 8), 17, 62, ReferenceBms.Cells, 0);
            }

            if (ms % 500 == 7)
            {
                byte avg = (byte)Math.Round(tempC + 40);
                Add(us, "can0", ReferenceBms.Temperatures, false, (byte)(avg - 2), (byte)(avg + 3), avg, 62, 65, 4, 11, 0);
            }

            if (ms % 100 == 11)
            {
                // Main+ and main- closed (plus the charge contactor when charging); no faults;
                // isolation 2.5 MOhm; state 2 = drive, 3 = charge.
                Add(us, "can0", ReferenceBms.Contactors, false, (byte)(charging ? 0b0000_1011 : 0b0000_0011), 0, 250, (byte)(charging ? 3 : 2), 0, 0, 0, 0);
            }

            if (ms % 100 == 13)
            {
                ushort charge = (ushort)(tempC < 45 ? 2000 : 800);
                ushort discharge = (ushort)(soc > 0.1 ? 4000 : 1000);
                ushort vmax = 4032;
                ushort vmin = 2880;
                Add(us, "can0", ReferenceBms.Limits, false, (byte)charge, (byte)(charge >> 8), (byte)discharge, (byte)(discharge >> 8), (byte)vmax, (byte)(vmax >> 8), (byte)vmin, (byte)(vmin >> 8));
            }

            if (ms % 1000 == 500)
            {
                int page = (ms / 1000) % 3;
                string text = page == 2 ? ReferenceBms.VinFragment : ReferenceBms.SerialNumber.Substring(page * 7, 7);
                var d = new byte[8];
                d[0] = (byte)page;
                for (int i = 0; i < 7; i++)
                {
                    d[i + 1] = (byte)text[i];
                }

                Add(us, "can0", ReferenceBms.Identity, false, d);
            }

            if (ms % 200 == 17)
            {
                Add(us, "can0", ReferenceBms.Debug, false, 0xCA, 0x1B, (byte)rng.Below(256), (byte)rng.Below(256), 0, 0, 0, 1);
            }

            if (ms % 100 == 19)
            {
                ushort v = (ushort)Math.Round(volts * 10);
                Add(us, "can0", ReferenceBms.ChargerStatus, true, (byte)v, (byte)(v >> 8), 0, 0, 0x00, 0xFF, 0xFF, 0xFF);
            }

            AddTcuTraffic(ms, us, Add);
        }

        // Frames the classic-CAN device path cannot carry or must refuse, once each per minute.
        for (int minute = 0; minute * 60 < seconds; minute++)
        {
            long baseUs = minute * 60_000_000L;
            if ((minute * 60) + 26 <= seconds)
            {
                Add(baseUs + 25_600_000, "can1", ReferenceBms.PackStatus, false);
                list[^1].F.Remote = true;
                list[^1].F.Length = 8;
            }

            if ((minute * 60) + 46 <= seconds)
            {
                Add(baseUs + 45_600_000, "can1", 0x5A2, false, 0x10, 0x0C, 0x31, 0x01, 0xFF, 0x00, 0, 0, 0, 0, 0, 0);
                list[^1].F.Fd = true;
                list[^1].F.BitRateSwitch = true;
            }

            if ((minute * 60) + 51 <= seconds)
            {
                // Error frame: controller problem, receive error warning (can/error.h CAN_ERR_CRTL, CAN_ERR_CRTL_RX_WARNING).
                Add(baseUs + 50_600_000, "can0", 0x004, false, 0, 0x04, 0, 0, 0, 0, 0, 0);
                list[^1].F.Error = true;
            }
        }

        list.Sort((a, b) => a.T != b.T ? a.T.CompareTo(b.T) : a.Seq.CompareTo(b.Seq));
        return list.Select(x => x.F).ToList();
    }

    private delegate void AddFrame(long micros, string channel, uint id, bool ext, params byte[] data);

    private static void AddTcuTraffic(int ms, long us, AddFrame add)
    {
        int second = ms / 1000;
        int inSecond = ms % 1000;
        if (inSecond == 250)
        {
            // Cloud heartbeat toward the BMS, every second.
            add(us, "can1", 0x5FF, false, 0x01, (byte)second, 0, 0, 0, 0, 0, 0);
        }

        if (inSecond != 600)
        {
            return;
        }

        switch (second % 60)
        {
            case 5: add(us, "can1", 0x7DF, false, 0x02, 0x01, 0x0C, 0, 0, 0, 0, 0); break; // OBD functional request
            case 10: add(us, "can1", 0x7E4, false, 0x02, 0x10, 0x02, 0, 0, 0, 0, 0); break; // UDS programming session
            case 11: add(us, "can1", 0x7E4, false, 0x02, 0x27, 0x01, 0, 0, 0, 0, 0); break; // UDS SecurityAccess seed
            case 20: add(us, "can1", 0x5A0, false, 0x01, 0xAA, 0, 0, 0, 0, 0, 0); break; // remote "open contactors"
            case 30: add(us, "can1", 0x5A1, false, 0x01, 0x32, 0, 0, 0, 0, 0, 0); break; // remote charge limit 50 %
            case 40: add(us, "can1", 0x18DA40F1, true, 0x03, 0x22, 0xF1, 0x90, 0, 0, 0, 0); break; // UDS read VIN
        }
    }

    private static double DriveCurrent(double t) => t switch
    {
        < 5 => 3,
        < 15 => 160 - (Math.Abs(t - 10) * 8),
        < 35 => 45,
        < 45 => -70,
        < 55 => 120,
        _ => 3,
    };

    private static byte Checksum(byte[] d)
    {
        int sum = 0;
        for (int i = 0; i < 7; i++)
        {
            sum += d[i];
        }

        return (byte)(sum ^ 0xFF);
    }
}
