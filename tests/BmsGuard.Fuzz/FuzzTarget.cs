namespace BmsGuard.Fuzz;

/// <summary>
/// One parser under fuzz. <see cref="Run"/> feeds it one input and returns how the parser answered
/// ("ok ..." or "refused: reason"); it throws <see cref="FuzzFailure"/> or lets any other exception
/// escape when the parser broke its contract (see <see cref="Contract"/>), which afl-fuzz counts as a crash.
/// </summary>
/// <param name="Name">Name on the command line and folder under seeds/.</param>
/// <param name="Parser">What is parsed (type and method).</param>
/// <param name="Contract">What counts as failure for this parser.</param>
/// <param name="Run">Feeds one input.</param>
/// <param name="Seeds">Valid inputs made with the repo's own writers; each must come back "ok".</param>
public sealed record FuzzTarget(string Name, string Parser, string Contract, Func<byte[], string> Run, Func<IEnumerable<(string Name, byte[] Bytes)>> Seeds);

/// <summary>A parser answered but broke its contract (an error without a place, a printed form that does not parse back...).</summary>
public sealed class FuzzFailure(string message) : Exception(message);
