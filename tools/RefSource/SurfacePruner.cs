using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.CSharp.Syntax;
using ICSharpCode.Decompiler.TypeSystem;

/// <summary>Cuts a decompiled module down to its public surface with bodies that only throw.</summary>
internal static class SurfacePruner
{
    public static void Prune(SyntaxTree tree)
    {
        foreach (AttributeSection section in tree.Children.OfType<AttributeSection>().ToList())
        {
            PruneAttributes(section, keepAssemblyLevel: true);
        }
        foreach (NamespaceDeclaration ns in tree.Descendants.OfType<NamespaceDeclaration>().ToList())
        {
            foreach (EntityDeclaration member in ns.Members.OfType<EntityDeclaration>().ToList())
            {
                if (!IsVisible(member))
                {
                    member.Remove();
                }
            }
        }
        foreach (NamespaceDeclaration ns in tree.Descendants.OfType<NamespaceDeclaration>().ToList())
        {
            if (!ns.Descendants.OfType<EntityDeclaration>().Any())
            {
                ns.Remove();
            }
        }
        foreach (TypeDeclaration type in tree.Descendants.OfType<TypeDeclaration>().ToList())
        {
            PruneType(type);
        }
        foreach (AttributeSection section in tree.Descendants.OfType<AttributeSection>().ToList())
        {
            PruneAttributes(section, keepAssemblyLevel: false);
        }
    }

    private static bool IsVisible(AstNode node)
    {
        if (node.GetSymbol() is not IEntity entity)
        {
            return true;
        }
        return entity.Accessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
    }

    private static bool IsVisibleType(IType type)
    {
        ITypeDefinition? def = type.GetDefinition();
        return def == null || def.Accessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
    }

    private static void PruneType(TypeDeclaration type)
    {
        foreach (AstType baseType in type.BaseTypes.ToList())
        {
            if (baseType.GetSymbol() is IType t && !IsVisibleType(t))
            {
                baseType.Remove();
            }
        }
        if (type.ClassType is ClassType.Interface or ClassType.Enum)
        {
            return;
        }

        bool hadHiddenState = false;
        bool removedConstructor = false;
        foreach (EntityDeclaration member in type.Members.ToList())
        {
            bool explicitImpl = member is MethodDeclaration { PrivateImplementationType: not null }
                || member is PropertyDeclaration { PrivateImplementationType: not null }
                || member is IndexerDeclaration { PrivateImplementationType: not null }
                || member is CustomEventDeclaration { PrivateImplementationType: not null };
            if (explicitImpl)
            {
                if (PrivateImplementationType(member)?.GetSymbol() is IType it && !IsVisibleType(it))
                {
                    member.Remove();
                    continue;
                }
            }
            else if (member is DestructorDeclaration || !IsVisible(member))
            {
                if (member is FieldDeclaration f && !f.HasModifier(Modifiers.Static) && !f.HasModifier(Modifiers.Const))
                {
                    hadHiddenState = true;
                }
                removedConstructor |= member is ConstructorDeclaration c && !c.HasModifier(Modifiers.Static);
                member.Remove();
                continue;
            }
            Stub(member);
        }

        var ctors = type.Members.OfType<ConstructorDeclaration>().Where(c => !c.HasModifier(Modifiers.Static)).ToList();
        if (type.ClassType == ClassType.Class && removedConstructor && !type.HasModifier(Modifiers.Static)
            && !ctors.Any(c => c.Parameters.Count == 0))
        {
            var ctor = new ConstructorDeclaration { Name = type.Name, Modifiers = Modifiers.Internal, Body = Throwing() };
            ctor.Initializer = BaseInitializer(type.GetSymbol() as ITypeDefinition);
            InsertFirst(type, ctor);
        }
        if (type.ClassType == ClassType.Struct && hadHiddenState)
        {
            // A readonly struct's fields must be readonly too (CS8340).
            Modifiers modifiers = Modifiers.Private | (type.HasModifier(Modifiers.Readonly) ? Modifiers.Readonly : Modifiers.None);
            var field = new FieldDeclaration { Modifiers = modifiers, ReturnType = new PrimitiveType("int") };
            field.Variables.Add(new VariableInitializer("_dummyPrimitive"));
            InsertFirst(type, field);
        }
    }

    private static AstType? PrivateImplementationType(EntityDeclaration member) => member switch
    {
        MethodDeclaration m => m.PrivateImplementationType,
        PropertyDeclaration p => p.PrivateImplementationType,
        IndexerDeclaration i => i.PrivateImplementationType,
        CustomEventDeclaration e => e.PrivateImplementationType,
        _ => null,
    };

    private static void InsertFirst(TypeDeclaration type, EntityDeclaration member)
    {
        EntityDeclaration? first = type.Members.FirstOrDefault();
        if (first == null)
        {
            type.Members.Add(member);
        }
        else
        {
            type.Members.InsertBefore(first, member);
        }
    }

    private static BlockStatement Throwing() => new BlockStatement { new ThrowStatement(new NullReferenceExpression()) };

    private static void Stub(EntityDeclaration member)
    {
        if (member.HasModifier(Modifiers.Extern))
        {
            member.Modifiers &= ~Modifiers.Extern;
        }
        switch (member)
        {
            case MethodDeclaration m when !m.HasModifier(Modifiers.Abstract) && m.Parent is TypeDeclaration { ClassType: not ClassType.Interface }:
                m.Body = Throwing();
                break;
            case ConstructorDeclaration c:
                c.Body = Throwing();
                FixInitializer(c);
                break;
            case OperatorDeclaration o:
                o.Body = Throwing();
                break;
            case PropertyDeclaration p:
                if (p.ExpressionBody != null)
                {
                    p.ExpressionBody = null;
                    p.Getter = new Accessor { Body = Throwing() };
                }
                StubAccessor(p.Getter);
                StubAccessor(p.Setter);
                if (p.Initializer != null)
                {
                    p.Initializer = null;
                }
                break;
            case IndexerDeclaration i:
                if (i.ExpressionBody != null)
                {
                    i.ExpressionBody = null;
                    i.Getter = new Accessor { Body = Throwing() };
                }
                StubAccessor(i.Getter);
                StubAccessor(i.Setter);
                break;
            case CustomEventDeclaration e:
                StubAccessor(e.AddAccessor);
                StubAccessor(e.RemoveAccessor);
                break;
            case FieldDeclaration f when !f.HasModifier(Modifiers.Const):
                foreach (VariableInitializer v in f.Variables)
                {
                    v.Initializer = null;
                }
                break;
            case EventDeclaration ev:
                foreach (VariableInitializer v in ev.Variables)
                {
                    v.Initializer = null;
                }
                break;
        }
    }

    private static void StubAccessor(Accessor? accessor)
    {
        if (accessor == null)
        {
            return;
        }
        if (accessor.GetSymbol() is IEntity e && e.Accessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal)
            && accessor.Modifiers != Modifiers.None)
        {
            accessor.Remove();
            return;
        }
        if (accessor.Body != null)
        {
            accessor.Body = Throwing();
        }
    }

    private static void FixInitializer(ConstructorDeclaration c)
    {
        ConstructorInitializer? init = c.Initializer;
        if (init == null)
        {
            return;
        }
        if (init.GetSymbol() is not IMethod target || !(target.Accessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
        {
            c.Initializer = init.ConstructorInitializerType == ConstructorInitializerType.Base
                ? BaseInitializer((c.Parent as TypeDeclaration)?.GetSymbol() as ITypeDefinition)
                : null;
            return;
        }
        init.Arguments.Clear();
        foreach (IParameter p in target.Parameters)
        {
            init.Arguments.Add(new DefaultValueExpression(new TypeSystemAstBuilder().ConvertType(p.Type)));
        }
    }

    // The call a stub constructor makes when the one it made is gone: none when the base class has a
    // usable parameterless constructor (or gets one here), else its first public or protected one.
    private static ConstructorInitializer? BaseInitializer(ITypeDefinition? type)
    {
        ITypeDefinition? baseType = type?.DirectBaseTypes.Select(t => t.GetDefinition()).FirstOrDefault(d => d != null && d.Kind == TypeKind.Class);
        if (baseType == null)
        {
            return null;
        }
        var visible = baseType.GetConstructors().Where(m => m.Accessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal).ToList();
        bool sameModule = baseType.ParentModule == type!.ParentModule;
        if ((sameModule && visible.Count == 0) || visible.Any(m => m.Parameters.Count == 0))
        {
            return null;
        }
        var init = new ConstructorInitializer { ConstructorInitializerType = ConstructorInitializerType.Base };
        foreach (IParameter p in visible[0].Parameters)
        {
            init.Arguments.Add(new DefaultValueExpression(new TypeSystemAstBuilder().ConvertType(p.Type)));
        }
        return init;
    }

    private static void PruneAttributes(AttributeSection section, bool keepAssemblyLevel)
    {
        foreach (ICSharpCode.Decompiler.CSharp.Syntax.Attribute attr in section.Attributes.ToList())
        {
            string name = attr.Type.ToString();
            bool drop = name.Contains("InternalsVisibleTo") || name.Contains("Debuggable") || name.Contains("MethodImpl") || name.Contains("CompilerGenerated")
                || name.Contains("DebuggerBrowsable") || name.Contains("DebuggerHidden") || name.Contains("DebuggerStepThrough")
                || (attr.GetSymbol() is IMethod m && !IsVisibleType(m.DeclaringType));
            if (drop)
            {
                attr.Remove();
            }
        }
        if (!section.Attributes.Any())
        {
            section.Remove();
        }
    }
}
