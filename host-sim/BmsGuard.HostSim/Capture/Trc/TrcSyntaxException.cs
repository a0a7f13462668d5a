namespace BmsGuard.HostSim.Capture.Trc;

/// <summary>
/// A malformed line, reason only: <see cref="TrcReader"/> adds the file and line number when it
/// turns this into a <see cref="CaptureFormatException"/>, so the parsers need not know either.
/// </summary>
internal sealed class TrcSyntaxException(string reason) : Exception(reason);
