// RefSource LIBRARY.dll OUT_DIR [SEARCH_DIR...]
// Writes the public surface of LIBRARY.dll as C# reference source, one file per top-level type, into
// OUT_DIR (emptied of *.cs first). Bodies become `throw null`, non-public members and types go, and
// what the compiler needs to keep the surface exact stays: an internal parameterless constructor when
// only non-public ones existed (else C# would add a public one), a dummy field in structs with private
// state. SEARCH_DIR: where the library's references (mscorlib, other libraries) are.
using System.Text;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.CSharp.Syntax;
using ICSharpCode.Decompiler.Metadata;
using ICSharpCode.Decompiler.TypeSystem;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: RefSource LIBRARY.dll OUT_DIR [SEARCH_DIR...]");
    return 2;
}

string dll = Path.GetFullPath(args[0]);
string outDir = Path.GetFullPath(args[1]);
var resolver = new UniversalAssemblyResolver(dll, true, null);
resolver.AddSearchDirectory(Path.GetDirectoryName(dll)!);
foreach (string dir in args.Skip(2))
{
    resolver.AddSearchDirectory(dir);
}

var settings = new DecompilerSettings(LanguageVersion.CSharp9_0)
{
    ThrowOnAssemblyResolveErrors = true,
    ShowXmlDocumentation = false,
    UsingDeclarations = true,
    FileScopedNamespaces = false,
};
var decompiler = new CSharpDecompiler(dll, resolver, settings);
SyntaxTree tree = decompiler.DecompileWholeModuleAsSingleFile(sortTypes: true);
SurfacePruner.Prune(tree);

// A using of a namespace that only held internal types would not compile against the reference.
var namespaces = new HashSet<string>(decompiler.TypeSystem.GetAllTypeDefinitions()
    .Where(t => t.ParentModule != decompiler.TypeSystem.MainModule && t.Accessibility == Accessibility.Public)
    .Select(t => t.Namespace));
foreach (NamespaceDeclaration ns in tree.Descendants.OfType<NamespaceDeclaration>())
{
    for (string n = ns.FullName; n.Length > 0; n = n.Contains('.') ? n[..n.LastIndexOf('.')] : "")
    {
        namespaces.Add(n);
    }
}
foreach (UsingDeclaration u in tree.Children.OfType<UsingDeclaration>().ToList())
{
    if (!namespaces.Contains(u.Namespace))
    {
        u.Remove();
    }
}

Directory.CreateDirectory(outDir);
foreach (string old in Directory.GetFiles(outDir, "*.cs"))
{
    File.Delete(old);
}

string usings = string.Concat(tree.Children.OfType<UsingDeclaration>().Select(u => u.ToString()));
string header = "// Public surface of " + Path.GetFileName(dll) + " (nanoFramework, MIT licence), written by tools/RefSource.\n"
    + "// Reference only: every body throws. Regenerate rather than edit.\n";
var assemblyAttributes = tree.Children.OfType<AttributeSection>().Select(a => a.ToString()).ToList();
File.WriteAllText(Path.Combine(outDir, "AssemblyInfo.cs"), header + usings + "\n" + string.Concat(assemblyAttributes));
int files = 0;
foreach (NamespaceDeclaration ns in tree.Descendants.OfType<NamespaceDeclaration>())
{
    foreach (TypeDeclaration type in ns.Members.OfType<TypeDeclaration>())
    {
        string name = ns.FullName + "." + type.Name + (type.TypeParameters.Count > 0 ? "`" + type.TypeParameters.Count : "");
        string text = header + usings + "\nnamespace " + ns.FullName + "\n{\n" + Indent(Print(type)) + "}\n";
        File.WriteAllText(Path.Combine(outDir, name + ".cs"), text);
        files++;
    }
    foreach (DelegateDeclaration del in ns.Members.OfType<DelegateDeclaration>())
    {
        string text = header + usings + "\nnamespace " + ns.FullName + "\n{\n" + Indent(Print(del)) + "}\n";
        File.WriteAllText(Path.Combine(outDir, ns.FullName + "." + del.Name + ".cs"), text);
        files++;
    }
}
Console.WriteLine($"{Path.GetFileName(dll)}: {files} public types written to {outDir}");
return 0;

static string Print(AstNode node)
{
    var sw = new StringWriter();
    var options = ICSharpCode.Decompiler.CSharp.OutputVisitor.FormattingOptionsFactory.CreateAllman();
    node.AcceptVisitor(new ICSharpCode.Decompiler.CSharp.OutputVisitor.CSharpOutputVisitor(sw, options));
    var sb = new StringBuilder();
    foreach (string line in sw.ToString().Replace("\r\n", "\n").Split('\n'))
    {
        int tabs = line.Length - line.TrimStart('\t').Length;
        sb.Append(new string(' ', 4 * tabs)).Append(line.AsSpan(tabs)).Append('\n');
    }
    return sb.ToString();
}

static string Indent(string text)
{
    var sb = new StringBuilder();
    foreach (string line in text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
    {
        sb.Append(line.Length == 0 ? "\n" : "    " + line + "\n");
    }
    return sb.ToString();
}
