using System.Globalization;

namespace BmsGuard.Benchmarks;

/// <summary>
/// Entry point: <c>bmsguard-bench [--quick]</c>. Prints machine info, Gateway.Decide rates, replay
/// rates and the replay breakdown, capture formats and telemetry as plain-text tables. Exit code 0 even when a target is missed
/// (this prints numbers, it does not gate); 2 on a bad argument.
/// </summary>
public static class Program
{
    private const string Usage = "usage: bmsguard-bench [--quick] [--decide-only | --replay-only | --formats-only | --telemetry-only | --convert-only | --live-only] [--bmsguard PATH] | --bdn [BenchmarkDotNet options]   (dotnet run -c Release --project host-sim/BmsGuard.Benchmarks [-- --quick])";

    /// <summary>Runs the benchmarks.</summary>
    public static int Main(string[] args)
    {
        bool quick = args.Contains("--quick");
        BenchSettings settings = quick ? BenchSettings.Quick : BenchSettings.Full;
        if (args.Length > 0 && args[0] == "--bdn")
        {
            return Bdn.BdnRun.Switch(args[1..]);
        }

        int replayChild = Array.IndexOf(args, ReplayIsolation.ChildSwitch);
        if (replayChild >= 0)
        {
            return ReplayIsolation.ChildMain(settings, args, replayChild, Console.Out);
        }

        bool decideOnly = args.Contains("--decide-only");
        bool replayOnly = args.Contains("--replay-only");
        bool formatsOnly = args.Contains("--formats-only");
        bool telemetryOnly = args.Contains("--telemetry-only");
        bool convertOnly = args.Contains("--convert-only");
        int bmsguardAt = Array.IndexOf(args, "--bmsguard");
        if (args.Contains("--live-only"))
        {
            // Not part of the full run: it needs socat and takes the wall clock it measures.
            LiveBenchmark.Run(Console.Out, quick ? 3 : 10);
            return 0;
        }

        int sections = (decideOnly ? 1 : 0) + (replayOnly ? 1 : 0) + (formatsOnly ? 1 : 0) + (telemetryOnly ? 1 : 0) + (convertOnly ? 1 : 0);
        if (args.Where((a, i) => bmsguardAt < 0 || (i != bmsguardAt && i != bmsguardAt + 1)).Any(a => a is not ("--quick" or "--decide-only" or "--replay-only" or "--formats-only" or "--telemetry-only" or "--convert-only" or "--live-only"))
            || sections > 1 || (bmsguardAt >= 0 && bmsguardAt + 1 >= args.Length))
        {
            Console.Error.WriteLine(Usage);
            return args.Any(a => a is "--help" or "-h") ? 0 : 2;
        }

        var o = Console.Out;
        o.WriteLine($"BMS Guard benchmarks, {settings.Name} run");
        foreach (string line in MachineInfo.Describe())
        {
            o.WriteLine("  " + line);
        }

        o.WriteLine();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (formatsOnly)
        {
            bool met = RunFormats(o, settings);
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: capture formats vs python-can {Format.Verdict(met)}   ({clock.Elapsed.TotalSeconds:F1} s, load average at end {MachineInfo.LoadAverage()})"));
            return 0;
        }

        if (convertOnly)
        {
            bool met = RunConvert(o, settings, ConvertSideBySide.Locate(args));
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: convert vs python-can {Format.Verdict(met)}   ({clock.Elapsed.TotalSeconds:F1} s, load average at end {MachineInfo.LoadAverage()})"));
            return 0;
        }

        if (decideOnly)
        {
            bool ok = WriteDecide(o, settings);
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: Gateway.Decide {Format.Verdict(ok)}   ({clock.Elapsed.TotalSeconds:F1} s, load average at end {MachineInfo.LoadAverage()})"));
            return 0;
        }

        if (replayOnly)
        {
            bool ok = RunReplay(o, settings);
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: replay {Format.Verdict(ok)}   ({clock.Elapsed.TotalSeconds:F1} s, load average at end {MachineInfo.LoadAverage()})"));
            return 0;
        }

        if (telemetryOnly)
        {
            bool ok = TelemetryReport.Write(o, settings, TelemetryBenchmark.Run(settings));
            o.WriteLine();
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: telemetry {Format.Verdict(ok)}   ({clock.Elapsed.TotalSeconds:F1} s, load average at end {MachineInfo.LoadAverage()})"));
            return 0;
        }

        bool decideMet = WriteDecide(o, settings);
        o.WriteLine();

        bool replayMet = RunReplay(o, settings);
        o.WriteLine();
        bool formatsMet = RunFormats(o, settings);
        o.WriteLine();
        bool telemetryMet = TelemetryReport.Write(o, settings, TelemetryBenchmark.Run(settings));
        o.WriteLine();
        bool convertMet = RunConvert(o, settings, ConvertSideBySide.Locate(args));
        o.WriteLine();
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"targets: Gateway.Decide {Format.Verdict(decideMet)}, replay {Format.Verdict(replayMet)}, capture formats vs python-can {Format.Verdict(formatsMet)}, telemetry {Format.Verdict(telemetryMet)}, convert vs python-can {Format.Verdict(convertMet)}   ({clock.Elapsed.TotalSeconds:F1} s, load average at end {MachineInfo.LoadAverage()})"));
        return 0;
    }

    private static bool RunReplay(TextWriter o, BenchSettings settings)
    {
        DirectoryInfo dir = Directory.CreateTempSubdirectory("bmsguard-bench-");
        try
        {
            return ReplayReport.Write(o, settings, ReplayBenchmark.Run(settings, dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static bool WriteDecide(TextWriter o, BenchSettings settings)
    {
        var (job, results) = Bdn.BdnRun.Decide(settings);
        return DecideReport.Write(o, settings, job, results);
    }

    private static bool RunConvert(TextWriter o, BenchSettings settings, string bmsguard)
    {
        DirectoryInfo dir = Directory.CreateTempSubdirectory("bmsguard-bench-convert-");
        try
        {
            return ConvertReport.Write(o, settings, ConvertSideBySide.Run(settings, dir.FullName, bmsguard));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static bool RunFormats(TextWriter o, BenchSettings settings)
    {
        DirectoryInfo dir = Directory.CreateTempSubdirectory("bmsguard-bench-formats-");
        try
        {
            return FormatsReport.Write(o, settings, FormatsBenchmark.Run(settings, dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
