namespace BmsGuard.Tests.Profile;

/// <summary>One thing in the firmware that nanoFramework 1.x cannot run.</summary>
/// <param name="Owner">The firmware item that makes the reference, e.g. <c>method BmsGuard.Core.Gateway::Decide(…)</c>.</param>
/// <param name="Reference">What it references, in allowlist form.</param>
/// <param name="Reason">Why that is not allowed, with the nanoFramework-compatible way when there is one.</param>
/// <param name="Site">Where in the owner (e.g. <c>IL_0012 callvirt</c>), or null for signatures and attributes.</param>
public sealed record ProfileViolation(string Owner, string Reference, string Reason, string? Site)
{
    public override string ToString() =>
        Owner + (Site == null ? string.Empty : " [" + Site + "]") + " -> " + Reference + ": " + Reason;
}
