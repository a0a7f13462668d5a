using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace BmsGuard.Tests.Profile;

/// <summary>One metadata token found in a method body: the instruction and its operand.</summary>
/// <param name="Offset">IL offset of the instruction.</param>
/// <param name="OpCode">Instruction name, e.g. <c>callvirt</c>.</param>
/// <param name="Token">Raw metadata token (table in the top byte).</param>
public readonly record struct IlToken(int Offset, string OpCode, int Token);

/// <summary>
/// Walks IL and returns the metadata token of every instruction that has one (call, callvirt, newobj,
/// ld*fld*, st*fld, ldtoken, newarr, box, unbox, castclass, isinst, initobj, ldelem, stelem, ldftn,
/// constrained., sizeof, ldstr, …), so no instruction kind can slip past the profile check.
/// </summary>
public static class IlTokenReader
{
    // Operand layout of every opcode, taken from the runtime's own opcode table (the BCL, not the firmware).
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => unchecked((ushort)o.Value));

    public static IEnumerable<IlToken> Tokens(MethodBodyBlock body)
    {
        var result = new List<IlToken>();
        BlobReader il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            ushort value = il.ReadByte();
            if (value == 0xFE)
            {
                value = (ushort)(0xFE00 | il.ReadByte());
            }

            if (!OpCodesByValue.TryGetValue(value, out OpCode opCode))
            {
                throw new BadImageFormatException($"unknown IL opcode 0x{value:X} at IL_{offset:X4}");
            }

            switch (opCode.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineSwitch:
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    result.Add(new IlToken(offset, opCode.Name ?? "?", il.ReadInt32()));
                    break;
                default:
                    throw new BadImageFormatException($"unexpected operand type {opCode.OperandType} at IL_{offset:X4}");
            }
        }

        return result;
    }
}
