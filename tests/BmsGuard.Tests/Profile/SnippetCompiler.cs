using System.Reflection.Metadata;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace BmsGuard.Tests.Profile;

/// <summary>
/// Compiles small C# sources in memory, against this runtime's own assemblies, so the negative tests can
/// show the profile check catching each construct in a real compiler's output.
/// </summary>
public static class SnippetCompiler
{
    private static readonly string[] ReferencedAssemblies =
    {
        "System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.Console",
        "System.Threading", "System.Threading.Tasks",
    };

    private static readonly Lazy<MetadataReference[]> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => ReferencedAssemblies.Contains(Path.GetFileNameWithoutExtension(path)))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    private static int _count;

    /// <summary>The PE image of <paramref name="source"/> built as a library; throws on compile errors.</summary>
    public static byte[] Compile(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Snippet" + Interlocked.Increment(ref _count),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("snippet does not compile:\n" + string.Join("\n", result.Diagnostics));
        }

        return image.ToArray();
    }
}
