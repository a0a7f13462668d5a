using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace BmsGuard.Tests.Profile;

/// <summary>
/// Judges each reference the firmware makes (type, member, signature) against the API list and the
/// forbidden features, records violations with their owner, and remembers which metadata rows it saw so
/// that a final sweep can catch any reference the walk did not reach.
/// </summary>
internal sealed class ReferenceInspector
{
    public const string NotListed = "not in the nanoFramework API list";

    private readonly MetadataReader _reader;
    private readonly ApiAllowlist _allowlist;
    private readonly HashSet<EntityHandle> _seen = new();
    private readonly SortedSet<string> _externalApis = new(StringComparer.Ordinal);
    private readonly List<ProfileViolation> _violations = new();
    private readonly HashSet<(string Owner, string Reference, string Reason)> _reported = new();
    private int _suppressed;

    public ReferenceInspector(MetadataReader reader, ApiAllowlist allowlist)
    {
        _reader = reader;
        _allowlist = allowlist;
        Provider = new ProfileSignatureProvider(reader, MarkSeen);
    }

    public ProfileSignatureProvider Provider { get; }

    public IReadOnlyList<ProfileViolation> Violations => _violations;

    public IReadOnlyList<string> ExternalApis => _externalApis.ToArray();

    /// <summary>Within the returned scope, references are only marked as seen: for host build artefacts.</summary>
    public IDisposable Suppress()
    {
        _suppressed++;
        return new Scope(() => _suppressed--);
    }

    public void Report(string owner, string reference, string reason, string? site = null)
    {
        if (_suppressed == 0 && _reported.Add((owner, reference, reason)))
        {
            _violations.Add(new ProfileViolation(owner, reference, reason, site));
        }
    }

    /// <summary>A type token: TypeRef, TypeDef or TypeSpec.</summary>
    public void Type(EntityHandle handle, string owner, string? site = null)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return; // Firmware's own; judged where it is defined.
            case HandleKind.TypeReference:
                TypeReferenceHandle typeRef = (TypeReferenceHandle)handle;
                MarkSeen(handle);
                Signature(SignatureType.Named(MetadataNames.TypeName(_reader, typeRef), MetadataNames.IsExternal(_reader, typeRef)), owner, site);
                return;
            case HandleKind.TypeSpecification:
                MarkSeen(handle);
                Signature(_reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(Provider, null), owner, site);
                return;
            default:
                Report(owner, handle.Kind + " 0x" + MetadataTokens.GetToken(handle).ToString("X8"), "unexpected type token", site);
                return;
        }
    }

    /// <summary>A type as it appears in a signature (field, parameter, local, base, …).</summary>
    public void Signature(SignatureType type, string owner, string? site = null)
    {
        foreach (SignatureType modifier in type.Modifiers)
        {
            Signature(modifier, owner, site);
        }

        // A by-ref is a way of passing, not an API: judge the type it refers to.
        string name = type.Name.EndsWith('&') ? type.Name[..^1] : type.Name;
        string? reason = (type.IsExternal ? ForbiddenFeatures.Reason(name) : null) ?? type.Problem;
        if (reason != null)
        {
            Report(owner, name, reason, site);
            return;
        }

        if (type.IsExternal)
        {
            Judge(name, owner, site);
        }
    }

    /// <summary>A member token: MemberRef, MethodDef, FieldDef or MethodSpec.</summary>
    public void Member(EntityHandle handle, string owner, string? site = null)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
            case HandleKind.FieldDefinition:
                return; // Firmware's own; judged where it is defined.
            case HandleKind.MemberReference:
                MemberReference((MemberReferenceHandle)handle, owner, site);
                return;
            case HandleKind.MethodSpecification:
                MarkSeen(handle);
                MethodSpecification spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Member(spec.Method, owner, site);
                string arguments = string.Join(",", spec.DecodeSignature(Provider, null).Select(a => a.Name));
                Report(owner, MemberDisplayName(spec.Method) + "<" + arguments + ">", "generic method instantiation", site);
                return;
            default:
                Report(owner, handle.Kind + " 0x" + MetadataTokens.GetToken(handle).ToString("X8"), "unexpected member token", site);
                return;
        }
    }

    /// <summary>A stand-alone signature: the locals of a body, or the target of a <c>calli</c>.</summary>
    public void StandAloneSignature(StandaloneSignatureHandle handle, string owner, string? site = null)
    {
        MarkSeen(handle);
        StandaloneSignature signature = _reader.GetStandaloneSignature(handle);
        if (signature.GetKind() == StandaloneSignatureKind.LocalVariables)
        {
            foreach (SignatureType local in signature.DecodeLocalSignature(Provider, null))
            {
                Signature(local, owner, site);
            }

            return;
        }

        Report(owner, "calli", "indirect call through a function pointer", site);
    }

    public void Attributes(CustomAttributeHandleCollection attributes, string owner)
    {
        foreach (CustomAttributeHandle handle in attributes)
        {
            Member(_reader.GetCustomAttribute(handle).Constructor, owner, "attribute");
        }
    }

    /// <summary>Anything the walk never reached is still a reference of the firmware: judge it as the module's.</summary>
    public void Sweep()
    {
        const string owner = "<module>";
        foreach (TypeReferenceHandle handle in _reader.TypeReferences)
        {
            if (!_seen.Contains(handle))
            {
                Type(handle, owner, "unattributed TypeRef");
            }
        }

        foreach (TypeSpecificationHandle handle in Rows(TableIndex.TypeSpec, MetadataTokens.TypeSpecificationHandle))
        {
            if (!_seen.Contains(handle))
            {
                Type(handle, owner, "unattributed TypeSpec");
            }
        }

        foreach (MemberReferenceHandle handle in _reader.MemberReferences)
        {
            if (!_seen.Contains(handle))
            {
                Member(handle, owner, "unattributed MemberRef");
            }
        }

        foreach (MethodSpecificationHandle handle in Rows(TableIndex.MethodSpec, MetadataTokens.MethodSpecificationHandle))
        {
            if (!_seen.Contains(handle))
            {
                Member(handle, owner, "unattributed MethodSpec");
            }
        }
    }

    // MetadataReader enumerates TypeRefs and MemberRefs, but not these tables.
    private IEnumerable<T> Rows<T>(TableIndex table, Func<int, T> handle) =>
        Enumerable.Range(1, _reader.GetTableRowCount(table)).Select(handle);

    private void MemberReference(MemberReferenceHandle handle, string owner, string? site)
    {
        MarkSeen(handle);
        MemberReference member = _reader.GetMemberReference(handle);
        string name = _reader.GetString(member.Name);
        SignatureType declaring;
        switch (member.Parent.Kind)
        {
            case HandleKind.TypeReference:
                MarkSeen(member.Parent);
                TypeReferenceHandle parent = (TypeReferenceHandle)member.Parent;
                declaring = SignatureType.Named(MetadataNames.TypeName(_reader, parent), MetadataNames.IsExternal(_reader, parent));
                break;
            case HandleKind.TypeSpecification:
                MarkSeen(member.Parent);
                declaring = _reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(Provider, null);
                break;
            case HandleKind.TypeDefinition:
                declaring = SignatureType.Named(MetadataNames.TypeName(_reader, (TypeDefinitionHandle)member.Parent), false);
                break;
            default:
                Report(owner, name, "member reference through " + member.Parent.Kind + " (vararg or module-level call)", site);
                return;
        }

        string key;
        var parts = new List<SignatureType>();
        string? genericMethod = null;
        if (member.GetKind() == MemberReferenceKind.Method)
        {
            MethodSignature<SignatureType> signature = member.DecodeMethodSignature(Provider, null);
            key = MetadataNames.MethodKey(declaring.Name, name, signature.ParameterTypes);
            parts.Add(signature.ReturnType);
            parts.AddRange(signature.ParameterTypes);
            genericMethod = signature.GenericParameterCount > 0 ? "generic method" : null;
        }
        else
        {
            SignatureType fieldType = member.DecodeFieldSignature(Provider, null);
            key = MetadataNames.FieldKey(declaring.Name, name);
            parts.Add(fieldType);
        }

        foreach (SignatureType modifier in parts.SelectMany(p => p.Modifiers))
        {
            Signature(modifier, owner, site);
        }

        string? reason = (declaring.IsExternal ? ForbiddenFeatures.Reason(declaring.Name) : null)
            ?? parts.Where(p => p.IsExternal).Select(p => ForbiddenFeatures.Reason(p.Name)).FirstOrDefault(r => r != null)
            ?? declaring.Problem
            ?? genericMethod
            ?? (declaring.IsExternal ? ForbiddenFeatures.MemberReason(key) : null);
        if (reason != null)
        {
            Report(owner, key, reason, site);
        }
        else if (declaring.IsExternal)
        {
            Judge(key, owner, site);
        }
    }

    private void Judge(string api, string owner, string? site)
    {
        if (_suppressed > 0)
        {
            return;
        }

        _externalApis.Add(api);
        if (!_allowlist.Contains(api))
        {
            Report(owner, api, NotListed, site);
        }
    }

    private string MemberDisplayName(EntityHandle method)
    {
        if (method.Kind == HandleKind.MethodDefinition)
        {
            return MetadataNames.MethodName(_reader, (MethodDefinitionHandle)method, Provider);
        }

        MemberReference member = _reader.GetMemberReference((MemberReferenceHandle)method);
        string parent = member.Parent.Kind == HandleKind.TypeReference
            ? MetadataNames.TypeName(_reader, (TypeReferenceHandle)member.Parent)
            : member.Parent.Kind.ToString();
        return parent + "::" + _reader.GetString(member.Name);
    }

    // Also marks the enclosing types of a nested TypeRef: they are reached through it.
    private void MarkSeen(EntityHandle handle)
    {
        while (_seen.Add(handle) && handle.Kind == HandleKind.TypeReference)
        {
            EntityHandle scope = _reader.GetTypeReference((TypeReferenceHandle)handle).ResolutionScope;
            if (scope.Kind != HandleKind.TypeReference)
            {
                return;
            }

            handle = scope;
        }
    }

    private sealed class Scope(Action onDispose) : IDisposable
    {
        public void Dispose() => onDispose();
    }
}
