using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using BmsGuard.Core;
using BmsGuard.Core.Tests;
using Xunit;

namespace BmsGuard.Tests.Device;

/// <summary>
/// Guards the device StringBuilder cap (LargeText): on the real runtime a default StringBuilder refuses
/// appends past 40,192 chars, which .NET never does, so the host cannot fail the way the device did.
/// These tests pin what made the device fail: table printers must build on LargeText.Builder, and the
/// large-table tests must still print past the cap (or they would no longer test it on the device).
/// </summary>
public sealed class LargeTextTests
{
    /// <summary>
    /// Methods whose text grows with the size of a table: Print of every firmware *Text type (the
    /// table languages of docs/syntax.md). Found by reflection, so a new table language is covered.
    /// </summary>
    private static readonly MethodInfo[] TablePrinters = typeof(RuleTableText).Assembly.GetTypes()
        .Where(t => t.Namespace != null && t.Namespace.StartsWith("BmsGuard.Core", StringComparison.Ordinal) && t.Name.EndsWith("Text", StringComparison.Ordinal))
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.Name == "Print" && m.ReturnType == typeof(string))
        .ToArray();

    [Fact]
    public void Every_table_language_has_a_printer_here()
    {
        string[] names = TablePrinters.Select(m => m.DeclaringType!.Name).Distinct().Order().ToArray();
        Assert.Equal(
            new[] { "CommandPolicyText", "InterlockTableText", "NativeCommandText", "RuleTableText", "UdsPolicyText", "UplinkPolicyText", "VehicleStateText" },
            names);
    }

    [Fact]
    public void Table_printers_build_on_the_uncapped_builder()
    {
        ConstructorInfo defaultCtor = typeof(StringBuilder).GetConstructor(Type.EmptyTypes)!;
        MethodInfo builder = typeof(LargeText).GetMethod(nameof(LargeText.Builder))!;
        foreach (MethodInfo printer in TablePrinters)
        {
            List<MethodBase> calls = CalledMethods(printer);
            Assert.False(calls.Contains(defaultCtor), printer.DeclaringType!.Name + ".Print builds on the capped default StringBuilder");
            Assert.True(calls.Contains(builder), printer.DeclaringType!.Name + ".Print does not build on LargeText.Builder");
        }
    }

    [Fact]
    public void Uncapped_builder_has_no_short_MaxValue_cap()
    {
        Assert.True(LargeText.Builder().MaxCapacity > 4 * LargeText.DeviceDefaultLimit);
    }

    [Fact]
    public void Printed_2048_rule_table_is_past_the_device_default_cap()
    {
        RuleTable table = RandomTables.Build(new XorShift(0xB3C0FFEE), 2048, 8, true);
        int length = RuleTableText.Print(table).Length;
        Assert.True(length > LargeText.DeviceDefaultLimit, length + " chars");
    }

    [Fact]
    public void The_call_scan_sees_a_default_builder()
    {
        ConstructorInfo defaultCtor = typeof(StringBuilder).GetConstructor(Type.EmptyTypes)!;
        MethodInfo printRule = typeof(RuleTableText).GetMethod(nameof(RuleTableText.PrintRule))!;
        Assert.Contains(defaultCtor, CalledMethods(printRule));
    }

    /// <summary>Methods a body calls or constructs with (call, callvirt, newobj), read from its IL.</summary>
    private static List<MethodBase> CalledMethods(MethodInfo method)
    {
        byte[] il = method.GetMethodBody()!.GetILAsByteArray()!;
        var found = new List<MethodBase>();
        for (int i = 0; i < il.Length; i++)
        {
            if (il[i] != OpCodes.Call.Value && il[i] != OpCodes.Callvirt.Value && il[i] != OpCodes.Newobj.Value || i + 4 >= il.Length)
            {
                continue;
            }
            try
            {
                MethodBase? m = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
                if (m != null)
                {
                    found.Add(m);
                }
            }
            catch (ArgumentException)
            {
                // not a method token: a byte inside another instruction's operand
            }
        }
        return found;
    }
}
