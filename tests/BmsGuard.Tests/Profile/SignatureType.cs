namespace BmsGuard.Tests.Profile;

/// <summary>
/// A type as it appears in firmware metadata, in the allowlist's readable form (e.g. <c>System.Byte[]</c>),
/// with what the profile check needs to know about it.
/// </summary>
/// <param name="Name">Readable full name: namespace, <c>+</c> for nesting, <c>[]</c>, <c>&amp;</c>, <c>&lt;…&gt;</c>.</param>
/// <param name="IsExternal">The innermost named type comes from another assembly (not the firmware).</param>
/// <param name="Problem">Why no nanoFramework 1.x could run this shape (generics, pointers, …), or null.</param>
/// <param name="Modifiers">External types named by modreq/modopt custom modifiers (e.g. IsExternalInit).</param>
public sealed record SignatureType(string Name, bool IsExternal, string? Problem, IReadOnlyList<SignatureType> Modifiers)
{
    private static readonly IReadOnlyList<SignatureType> NoModifiers = Array.Empty<SignatureType>();

    /// <summary>A named type (TypeRef, TypeDef or primitive).</summary>
    public static SignatureType Named(string name, bool isExternal) => new(name, isExternal, null, NoModifiers);

    /// <summary>A shape derived from <paramref name="inner"/>: keeps its origin, problem and modifiers.</summary>
    public SignatureType Derive(string name, string? problem = null) =>
        new(name, IsExternal, Problem ?? problem, Modifiers);

    public override string ToString() => Name;
}
