using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace BmsGuard.Tests.Profile;

/// <summary>
/// Checks that an assembly compiled from firmware source uses nothing nanoFramework 1.x lacks: every
/// external type and member must be in the <see cref="ApiAllowlist"/>, and there must be no generics,
/// async state machines or interpolation handlers. Reads metadata only; the assembly is never loaded.
/// </summary>
public sealed class ProfileChecker
{
    private const string EmbeddedAttribute = "Microsoft.CodeAnalysis.EmbeddedAttribute";

    private readonly ApiAllowlist _allowlist;

    public ProfileChecker(ApiAllowlist allowlist)
    {
        _allowlist = allowlist;
    }

    public ProfileReport Check(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return Check(pe);
    }

    public ProfileReport Check(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        return Check(pe);
    }

    public ProfileReport Check(PEReader pe)
    {
        MetadataReader reader = pe.GetMetadataReader();
        var inspector = new ReferenceInspector(reader, _allowlist);

        // Assembly- and module-level attributes (TargetFramework, AssemblyCompany, CompilationRelaxations,
        // RuntimeCompatibility, Debuggable, RefSafetyRules, …) are emitted by the .NET SDK for the host
        // build; the nanoFramework build emits its own. They are not firmware code, and listing them would
        // put APIs in the list that nanoFramework need not have, so they are skipped entirely.
        using (inspector.Suppress())
        {
            inspector.Attributes(reader.GetAssemblyDefinition().GetCustomAttributes(), "<assembly>");
            inspector.Attributes(reader.GetModuleDefinition().GetCustomAttributes(), "<module>");
        }

        foreach (TypeDefinitionHandle type in reader.TypeDefinitions)
        {
            // Types the compiler embeds to back those attributes (RefSafetyRulesAttribute, EmbeddedAttribute)
            // are the same kind of artefact: walked only to account for what they reference.
            using (IsEmbedded(reader, type) ? inspector.Suppress() : null)
            {
                new TypeWalk(pe, reader, inspector, type).Walk();
            }
        }

        inspector.Sweep();
        return new ProfileReport(inspector.Violations.ToArray(), inspector.ExternalApis);
    }

    private static bool IsEmbedded(MetadataReader reader, TypeDefinitionHandle handle)
    {
        foreach (CustomAttributeHandle attribute in reader.GetTypeDefinition(handle).GetCustomAttributes())
        {
            EntityHandle ctor = reader.GetCustomAttribute(attribute).Constructor;
            EntityHandle owner = ctor.Kind switch
            {
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType(),
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)ctor).Parent,
                _ => default,
            };
            string name = owner.Kind switch
            {
                HandleKind.TypeDefinition => MetadataNames.TypeName(reader, (TypeDefinitionHandle)owner),
                HandleKind.TypeReference => MetadataNames.TypeName(reader, (TypeReferenceHandle)owner),
                _ => string.Empty,
            };
            if (name == EmbeddedAttribute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Visits everything one firmware type defines and hands each reference to the inspector.</summary>
    private sealed class TypeWalk(PEReader pe, MetadataReader reader, ReferenceInspector inspector, TypeDefinitionHandle handle)
    {
        private readonly TypeDefinition _type = reader.GetTypeDefinition(handle);
        private readonly string _name = MetadataNames.TypeName(reader, handle);

        public void Walk()
        {
            string owner = "type " + _name;
            if (_type.GetGenericParameters().Count > 0)
            {
                inspector.Report(owner, _name, "generic type definition (nanoFramework 1.x has no generics)");
            }

            GenericParameters(_type.GetGenericParameters(), owner);
            if (!_type.BaseType.IsNil)
            {
                inspector.Type(_type.BaseType, owner, "base type");
            }

            foreach (InterfaceImplementationHandle implementation in _type.GetInterfaceImplementations())
            {
                InterfaceImplementation item = reader.GetInterfaceImplementation(implementation);
                inspector.Type(item.Interface, owner, "interface");
                inspector.Attributes(item.GetCustomAttributes(), owner);
            }

            inspector.Attributes(_type.GetCustomAttributes(), owner);
            foreach (FieldDefinitionHandle field in _type.GetFields())
            {
                Field(field);
            }

            foreach (MethodDefinitionHandle method in _type.GetMethods())
            {
                Method(method);
            }

            foreach (PropertyDefinitionHandle property in _type.GetProperties())
            {
                PropertyDefinition item = reader.GetPropertyDefinition(property);
                string propertyOwner = "property " + _name + "::" + reader.GetString(item.Name);
                MethodSignature<SignatureType> signature = item.DecodeSignature(inspector.Provider, null);
                Signatures(signature, propertyOwner);
                inspector.Attributes(item.GetCustomAttributes(), propertyOwner);
            }

            foreach (EventDefinitionHandle @event in _type.GetEvents())
            {
                EventDefinition item = reader.GetEventDefinition(@event);
                string eventOwner = "event " + _name + "::" + reader.GetString(item.Name);
                inspector.Type(item.Type, eventOwner, "event type");
                inspector.Attributes(item.GetCustomAttributes(), eventOwner);
            }

            foreach (MethodImplementationHandle implementation in _type.GetMethodImplementations())
            {
                MethodImplementation item = reader.GetMethodImplementation(implementation);
                inspector.Member(item.MethodDeclaration, owner, "explicit implementation");
                inspector.Member(item.MethodBody, owner, "explicit implementation");
            }
        }

        private void Field(FieldDefinitionHandle handle)
        {
            FieldDefinition field = reader.GetFieldDefinition(handle);
            string owner = "field " + MetadataNames.FieldName(reader, handle);
            inspector.Signature(field.DecodeSignature(inspector.Provider, null), owner);
            inspector.Attributes(field.GetCustomAttributes(), owner);
        }

        private void Method(MethodDefinitionHandle handle)
        {
            MethodDefinition method = reader.GetMethodDefinition(handle);
            string owner = "method " + MetadataNames.MethodName(reader, handle, inspector.Provider);
            if (method.GetGenericParameters().Count > 0)
            {
                inspector.Report(owner, owner.Substring("method ".Length), "generic method definition (nanoFramework 1.x has no generics)");
            }

            if ((method.Attributes & MethodAttributes.PinvokeImpl) != 0)
            {
                inspector.Report(owner, reader.GetString(reader.GetModuleReference(method.GetImport().Module).Name), "P/Invoke (nanoFramework has none)");
            }

            GenericParameters(method.GetGenericParameters(), owner);
            Signatures(method.DecodeSignature(inspector.Provider, null), owner);
            inspector.Attributes(method.GetCustomAttributes(), owner);
            foreach (ParameterHandle parameter in method.GetParameters())
            {
                inspector.Attributes(reader.GetParameter(parameter).GetCustomAttributes(), owner);
            }

            if (method.RelativeVirtualAddress != 0)
            {
                Body(pe.GetMethodBody(method.RelativeVirtualAddress), owner);
            }
        }

        private void Body(MethodBodyBlock body, string owner)
        {
            if (!body.LocalSignature.IsNil)
            {
                inspector.StandAloneSignature(body.LocalSignature, owner, "locals");
            }

            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                if (!region.CatchType.IsNil)
                {
                    inspector.Type(region.CatchType, owner, "catch");
                }
            }

            foreach (IlToken token in IlTokenReader.Tokens(body))
            {
                string site = "IL_" + token.Offset.ToString("X4") + " " + token.OpCode;
                Handle target = MetadataTokens.Handle(token.Token);
                switch (target.Kind)
                {
                    case HandleKind.UserString:
                        break;
                    case HandleKind.TypeReference:
                    case HandleKind.TypeDefinition:
                    case HandleKind.TypeSpecification:
                        inspector.Type((EntityHandle)target, owner, site);
                        break;
                    case HandleKind.StandaloneSignature:
                        inspector.StandAloneSignature((StandaloneSignatureHandle)target, owner, site);
                        break;
                    default:
                        inspector.Member((EntityHandle)target, owner, site);
                        break;
                }
            }
        }

        private void Signatures(MethodSignature<SignatureType> signature, string owner)
        {
            inspector.Signature(signature.ReturnType, owner, "signature");
            foreach (SignatureType parameter in signature.ParameterTypes)
            {
                inspector.Signature(parameter, owner, "signature");
            }
        }

        // Already reported as generic definitions; walked so their constraints count as seen.
        private void GenericParameters(GenericParameterHandleCollection parameters, string owner)
        {
            foreach (GenericParameterHandle parameter in parameters)
            {
                GenericParameter item = reader.GetGenericParameter(parameter);
                inspector.Attributes(item.GetCustomAttributes(), owner);
                foreach (GenericParameterConstraintHandle constraint in item.GetConstraints())
                {
                    inspector.Type(reader.GetGenericParameterConstraint(constraint).Type, owner, "constraint");
                }
            }
        }
    }
}
