using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace BmsGuard.Tests.Device;

/// <summary>
/// What an assembly will put into nanoFramework's two 16-bit-addressed tables, read with
/// System.Reflection.Metadata from the compiled .dll. Byte code counts every method body's IL and
/// exception clauses as .NET stores them, an upper bound (the MetadataProcessor shortens each 4-byte
/// token to 2 bytes: it wrote 71-76 % of this). Strings count the #Strings heap plus every distinct
/// user string literal in UTF-8 with its terminator, which the MetadataProcessor exceeded by up to
/// 2.3 % on test assemblies (70-100 % elsewhere), hence <see cref="StringsBound"/>. Calibrated with
/// MetadataProcessor v3.0.100 on every firmware and device-test assembly, Debug and Release (docs/device.md).
/// </summary>
public sealed record AssemblyTables(string Name, int ByteCode, int Strings)
{
    /// <summary>Each table of a nanoFramework assembly is addressed with 16-bit offsets.</summary>
    public const int Limit = 65535;

    /// <summary>The string estimate with a 5 % margin over the worst ratio measured (1.023).</summary>
    public int StringsBound => Strings + Strings / 20;

    public static AssemblyTables Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        int byteCode = 0;
        foreach (MethodDefinitionHandle h in md.MethodDefinitions)
        {
            int rva = md.GetMethodDefinition(h).RelativeVirtualAddress;
            if (rva == 0)
            {
                continue;
            }
            MethodBodyBlock body = pe.GetMethodBody(rva);
            byteCode += body.Size + body.ExceptionRegions.Length * 8;
        }

        int strings = md.GetHeapSize(HeapIndex.String);
        var literals = new HashSet<string>(StringComparer.Ordinal);
        for (UserStringHandle h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h))
        {
            literals.Add(md.GetUserString(h));
        }
        foreach (string s in literals)
        {
            strings += Encoding.UTF8.GetByteCount(s) + 1;
        }

        return new AssemblyTables(md.GetString(md.GetAssemblyDefinition().Name), byteCode, strings);
    }
}
