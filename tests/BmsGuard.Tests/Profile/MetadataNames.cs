using System.Reflection.Metadata;

namespace BmsGuard.Tests.Profile;

/// <summary>Readable names of metadata rows, in the allowlist's form (<c>Type::Member(Param,…)</c>).</summary>
public static class MetadataNames
{
    public static string TypeName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (!outer.IsNil)
        {
            return TypeName(reader, outer) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>True when the reference resolves to another assembly (through any nesting).</summary>
    public static bool IsExternal(MetadataReader reader, TypeReferenceHandle handle)
    {
        EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => IsExternal(reader, (TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => true,
            // Nil scope means "look in the exported type table", i.e. forwarded elsewhere.
            _ => scope.IsNil,
        };
    }

    /// <summary>The key of a method: <c>Type::Name(Param,…)</c>; return type left out, as in the allowlist.</summary>
    public static string MethodKey(string declaringType, string name, IEnumerable<SignatureType> parameters) =>
        declaringType + "::" + name + "(" + string.Join(",", parameters.Select(p => p.Name)) + ")";

    public static string FieldKey(string declaringType, string name) => declaringType + "::" + name;

    /// <summary>Names a firmware method for reports, e.g. <c>BmsGuard.Core.Gateway::Decide(…)</c>.</summary>
    public static string MethodName(MetadataReader reader, MethodDefinitionHandle handle, ProfileSignatureProvider provider)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        string[] parameters;
        try
        {
            parameters = method.DecodeSignature(provider, null).ParameterTypes.Select(p => p.Name).ToArray();
        }
        catch (BadImageFormatException)
        {
            parameters = new[] { "?" };
        }

        return TypeName(reader, method.GetDeclaringType()) + "::" + reader.GetString(method.Name)
            + "(" + string.Join(",", parameters) + ")";
    }

    public static string FieldName(MetadataReader reader, FieldDefinitionHandle handle)
    {
        FieldDefinition field = reader.GetFieldDefinition(handle);
        return FieldKey(TypeName(reader, field.GetDeclaringType()), reader.GetString(field.Name));
    }
}
