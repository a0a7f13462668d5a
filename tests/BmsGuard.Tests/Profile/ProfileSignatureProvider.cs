using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace BmsGuard.Tests.Profile;

/// <summary>
/// Decodes metadata signatures into <see cref="SignatureType"/>s named as in the allowlist. Names carry
/// no assembly: <c>System.String</c> is the same API whether the host build resolved it to
/// System.Runtime or the device build to mscorlib.
/// </summary>
public sealed class ProfileSignatureProvider : ISignatureTypeProvider<SignatureType, object?>
{
    private readonly MetadataReader _reader;
    private readonly Action<EntityHandle> _onReference;

    /// <param name="reader">The firmware's metadata.</param>
    /// <param name="onReference">Told of every TypeRef/TypeSpec a decoded signature goes through.</param>
    public ProfileSignatureProvider(MetadataReader reader, Action<EntityHandle>? onReference = null)
    {
        _reader = reader;
        _onReference = onReference ?? (_ => { });
    }

    public SignatureType GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        string name = typeCode switch
        {
            PrimitiveTypeCode.Void => "System.Void",
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Char => "System.Char",
            PrimitiveTypeCode.SByte => "System.SByte",
            PrimitiveTypeCode.Byte => "System.Byte",
            PrimitiveTypeCode.Int16 => "System.Int16",
            PrimitiveTypeCode.UInt16 => "System.UInt16",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.UInt32 => "System.UInt32",
            PrimitiveTypeCode.Int64 => "System.Int64",
            PrimitiveTypeCode.UInt64 => "System.UInt64",
            PrimitiveTypeCode.Single => "System.Single",
            PrimitiveTypeCode.Double => "System.Double",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.Object => "System.Object",
            _ => "primitive#" + (int)typeCode,
        };
        return SignatureType.Named(name, isExternal: true);
    }

    public SignatureType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        SignatureType.Named(MetadataNames.TypeName(_reader, handle), isExternal: false);

    public SignatureType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        _onReference(handle);
        return SignatureType.Named(MetadataNames.TypeName(_reader, handle), MetadataNames.IsExternal(_reader, handle));
    }

    public SignatureType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
    {
        _onReference(handle);
        return _reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }

    public SignatureType GetSZArrayType(SignatureType elementType) => elementType.Derive(elementType.Name + "[]");

    // nanoFramework has jagged arrays only.
    public SignatureType GetArrayType(SignatureType elementType, ArrayShape shape) =>
        elementType.Derive(elementType.Name + "[" + new string(',', shape.Rank - 1) + "]", "multi-dimensional array");

    public SignatureType GetByReferenceType(SignatureType elementType) => elementType.Derive(elementType.Name + "&");

    public SignatureType GetPointerType(SignatureType elementType) => elementType.Derive(elementType.Name + "*", "unsafe pointer");

    public SignatureType GetPinnedType(SignatureType elementType) => elementType.Derive(elementType.Name + " pinned", "pinned local (fixed)");

    public SignatureType GetFunctionPointerType(MethodSignature<SignatureType> signature) =>
        new("delegate*(" + string.Join(",", signature.ParameterTypes.Select(p => p.Name)) + ")", true, "function pointer", Array.Empty<SignatureType>());

    // Stable nanoFramework 1.x has no generics: any instantiation or generic parameter is a problem.
    public SignatureType GetGenericInstantiation(SignatureType genericType, ImmutableArray<SignatureType> typeArguments) =>
        genericType.Derive(
            genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">",
            "generic instantiation");

    public SignatureType GetGenericMethodParameter(object? genericContext, int index) =>
        new("!!" + index, false, "generic method parameter", Array.Empty<SignatureType>());

    public SignatureType GetGenericTypeParameter(object? genericContext, int index) =>
        new("!" + index, false, "generic type parameter", Array.Empty<SignatureType>());

    // The readable name omits modifiers (the API is the same), but the modifier type is still a reference.
    public SignatureType GetModifiedType(SignatureType modifier, SignatureType unmodifiedType, bool isRequired) =>
        unmodifiedType with { Modifiers = unmodifiedType.Modifiers.Append(modifier).ToArray() };
}
