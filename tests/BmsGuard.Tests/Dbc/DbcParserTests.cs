using BmsGuard.HostSim.Dbc;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>The parser on <see cref="DbcSnippets.Everything"/>: one test per construct.</summary>
public class DbcParserTests
{
    private static readonly DbcDatabase Db = DbcSnippets.Parse(DbcSnippets.Everything);

    [Fact]
    public void Version_nodes_and_skipped_sections()
    {
        Assert.Equal("1.2.3", Db.Version);
        Assert.Equal(["ECU1", "ECU2", "Gateway"], Db.Nodes.Select(n => n.Name));
        // NS_, BS_, BO_TX_BU_, EV_, ENVVAR_DATA_, SIG_GROUP_, CAT_DEF_, BA_DEF_REL_, BA_REL_ are skipped; the five messages remain.
        Assert.Equal(["Intel", "Motorola", "Floats", "Muxed", "ExtMux"], Db.Messages.Select(m => m.Name));
    }

    [Fact]
    public void Standard_and_extended_ids()
    {
        var intel = Db.Find(100, extended: false)!;
        Assert.Equal("Intel", intel.Name);
        Assert.False(intel.IsExtended);
        Assert.Equal(8, intel.Length);
        Assert.Equal("ECU1", intel.Sender);

        var moto = Db.Message("Motorola")!;
        Assert.True(moto.IsExtended);
        Assert.Equal(0x200u, moto.Id);
        Assert.Equal(0x8000_0200u, moto.DbcId);
        Assert.Same(moto, Db.Find(0x200, extended: true));
        Assert.Null(Db.Find(0x200, extended: false));
    }

    [Fact]
    public void Signal_fields()
    {
        var s = Db.Message("Intel")!.Signal("Unsigned12")!;
        Assert.Equal(4, s.StartBit);
        Assert.Equal(12, s.Length);
        Assert.Equal(DbcByteOrder.Intel, s.ByteOrder);
        Assert.False(s.IsSigned);
        Assert.Equal(0.5, s.Scale);
        Assert.Equal(-10, s.Offset);
        Assert.Equal(-10, s.Minimum);
        Assert.Equal(2037.5, s.Maximum);
        Assert.Equal("km/h", s.Unit);
        Assert.Equal(["ECU2", "Gateway"], s.Receivers);
        Assert.Empty(Db.Message("Intel")!.Signal("Flag")!.Receivers);

        var signed = Db.Message("Intel")!.Signal("Signed9")!;
        Assert.True(signed.IsSigned);

        var moto = Db.Message("Motorola")!.Signal("Moto12")!;
        Assert.Equal(DbcByteOrder.Motorola, moto.ByteOrder);
        Assert.Equal(19, moto.StartBit);
        Assert.True(moto.IsSigned);
    }

    [Fact]
    public void Float_and_double_value_types()
    {
        var floats = Db.Message("Floats")!;
        Assert.Equal(DbcValueType.Float32, floats.Signal("Single")!.ValueType);
        Assert.Equal(DbcValueType.Float64, floats.Signal("Double")!.ValueType);
        Assert.Equal(-1e38, floats.Signal("Single")!.Minimum);
        Assert.Equal(DbcValueType.Integer, Db.Message("Intel")!.Signal("Signed9")!.ValueType);
    }

    [Fact]
    public void Value_tables_and_value_descriptions()
    {
        Assert.Equal(new Dictionary<long, string> { [1] = "on", [0] = "off" }, Db.ValueTables["OnOff"]);
        Assert.Equal("reverse", Db.ValueTables["Gears"][-1]);
        var signed = Db.Message("Intel")!.Signal("Signed9")!;
        Assert.Equal(new Dictionary<long, string> { [-1] = "invalid", [0] = "zero" }, signed.ValueTable);
        // Labels are looked up by the sign-extended raw value.
        Assert.Equal("invalid", signed.Describe(0x1FF));
        Assert.Null(signed.Describe(5));
    }

    [Fact]
    public void Comments_global_node_message_signal_multi_line_with_escaped_quotes()
    {
        Assert.Equal("Global comment\nover two lines", Db.Comment);
        Assert.Equal("Engine ECU", Db.Node("ECU1")!.Comment);
        Assert.Null(Db.Node("ECU2")!.Comment);
        Assert.Equal("Intel message", Db.Message("Intel")!.Comment);
        Assert.Equal("A \"quoted\" word\nand a second line;\nand a third", Db.Message("Intel")!.Signal("Signed9")!.Comment);
    }

    [Fact]
    public void Attribute_definitions_defaults_and_values()
    {
        var cycle = Db.AttributeDefinitions["GenMsgCycleTime"];
        Assert.Equal(DbcAttributeScope.Message, cycle.Scope);
        Assert.Equal(DbcAttributeType.Int, cycle.Type);
        Assert.Equal(10000, cycle.Maximum);
        Assert.Equal(["Cyclic", "Event", "IfActive"], Db.AttributeDefinitions["GenMsgSendType"].EnumValues);
        Assert.Equal(DbcAttributeScope.EnvironmentVariable, Db.AttributeDefinitions["EvAttr"].Scope);

        Assert.Equal("CAN FD", Db.Attributes["BusType"].Text);
        Assert.Equal(17, Db.Node("ECU1")!.Attributes["NodeAddress"].Number);
        Assert.True(Db.Node("ECU2")!.Attributes["NodeAddress"].IsDefault);

        var intel = Db.Message("Intel")!;
        Assert.Equal(50, intel.CycleTime);
        Assert.Null(Db.Message("Motorola")!.CycleTime); // default 0: not cyclic
        Assert.Equal(new DbcAttributeValue("Cyclic", 0), intel.Attributes["GenMsgSendType"]);
        Assert.Equal(new DbcAttributeValue("Event", 1, IsDefault: true), Db.Message("Floats")!.Attributes["GenMsgSendType"]);
        Assert.Equal(40, intel.Signal("Unsigned12")!.Attributes["GenSigStartValue"].Number);
        Assert.Equal(0, intel.Signal("Signed9")!.Attributes["GenSigStartValue"].Number);
    }

    [Fact]
    public void Simple_multiplexing()
    {
        var muxed = Db.Message("Muxed")!;
        var mode = muxed.Signal("Mode")!;
        Assert.Same(mode, muxed.Multiplexor);
        Assert.True(mode.IsMultiplexor);
        Assert.True(muxed.IsMultiplexed);
        Assert.Same(mode, muxed.Signal("PageB")!.Multiplexer);
        Assert.Equal(1, muxed.Signal("PageB")!.MultiplexValue);
        Assert.Equal([new DbcMuxRange(1, 1)], muxed.Signal("PageB")!.MultiplexRanges);
        Assert.Null(muxed.Signal("Always")!.Multiplexer);
        Assert.False(Db.Message("Intel")!.IsMultiplexed);
    }

    [Fact]
    public void Extended_multiplexing()
    {
        var ext = Db.Message("ExtMux")!;
        var top = ext.Signal("Top")!;
        var sub = ext.Signal("Sub")!;
        Assert.Same(top, ext.Multiplexor);
        Assert.True(sub.IsMultiplexor);
        Assert.Same(top, sub.Multiplexer);
        Assert.Same(sub, ext.Signal("Leaf")!.Multiplexer);
        Assert.Equal([new DbcMuxRange(2, 4), new DbcMuxRange(8, 8)], ext.Signal("Leaf")!.MultiplexRanges);
        Assert.Equal([new DbcMuxRange(0, 0), new DbcMuxRange(3, 5)], ext.Signal("Direct")!.MultiplexRanges);
    }

    [Theory]
    [InlineData(0x01, 0x03, "Top Sub Leaf")]
    [InlineData(0x01, 0x08, "Top Sub Leaf")]
    [InlineData(0x01, 0x05, "Top Sub")]
    [InlineData(0x00, 0x03, "Top Direct")]
    [InlineData(0x04, 0x03, "Top Direct")]
    [InlineData(0x02, 0x03, "Top")]
    public void Extended_multiplexing_decides_which_signals_a_frame_carries(byte top, byte sub, string present)
    {
        var values = MessageCodec.Decode(Db.Message("ExtMux")!, [top, sub, 0x34, 0x12, 0, 0, 0, 0]);
        Assert.Equal(present, string.Join(' ', values.Select(v => v.Signal.Name)));
    }

    [Fact]
    public void In_extended_multiplexing_an_mN_signal_without_SG_MUL_VAL_depends_on_the_M_switch()
    {
        // The format wants an SG_MUL_VAL_ for every multiplexed signal once a message uses them; files
        // that omit one still mean "present when M = N" (canmatrix 0.9.5 never decodes such a signal).
        var db = DbcSnippets.Parse("""
            BO_ 1 M: 8 X
             SG_ Top M : 0|2@1+ (1,0) [0|0] "" X
             SG_ Sub m1M : 8|8@1+ (1,0) [0|0] "" X
             SG_ W m0 : 40|8@1+ (1,0) [0|0] "" X
            SG_MUL_VAL_ 1 Sub Top 1-1;
            """);
        var m = db.Message("M")!;
        Assert.Same(m.Signal("Top"), m.Signal("W")!.Multiplexer);
        Assert.Equal(["Top", "W"], MessageCodec.Decode(m, [0, 0, 0, 0, 0, 9, 0, 0]).Select(v => v.Signal.Name));
        Assert.Equal(["Top", "Sub"], MessageCodec.Decode(m, [1, 2, 0, 0, 0, 9, 0, 0]).Select(v => v.Signal.Name));
    }

    [Fact]
    public void Value_descriptions_are_keyed_by_raw_value_not_physical()
    {
        // canmatrix 0.9.5 matches VAL_ keys against the physical value; the DBC format means raw values.
        var e = DbcSnippets.Parse("BO_ 1 M: 1 X\n SG_ E : 0|8@1+ (2,1) [0|0] \"\" X\nVAL_ 1 E 3 \"three\" 7 \"seven\" ;\n").Message("M")!;
        Assert.Equal("E=three", MessageCodec.Decode(e, [3]).Single().ToString());
    }

    [Fact]
    public void Unknown_statement_without_semicolon_does_not_swallow_the_next_statement()
    {
        var db = DbcSnippets.Parse("BU_: A\nFILTER 1 2 3\nBO_ 16 M: 1 A\n SG_ S : 0|8@1+ (1,0) [0|0] \"\" A\n");
        Assert.Equal("S", db.Message("M")!.Signals.Single().Name);
    }

    [Fact]
    public void Independent_signals_pseudo_message_is_not_a_message()
    {
        var db = DbcSnippets.Parse("""
            BU_:
            BO_ 3221225472 VECTOR__INDEPENDENT_SIG_MSG: 0 Vector__XXX
             SG_ Loose : 0|8@1+ (1,0) [0|0] "" Vector__XXX
            CM_ SG_ 3221225472 Loose "unmapped";
            """);
        Assert.Empty(db.Messages);
    }

    [Fact]
    public void Latin1_files_load()
    {
        using var dir = new Support.TempDir();
        string path = dir.File("latin1.dbc");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("BU_: A\nBO_ 1 M: 1 A\n SG_ T : 0|8@1+ (1,-40) [0|0] \"\u00b0C\" A\n"));
        Assert.Equal("\u00b0C", DbcDatabase.Load(path).Message("M")!.Signal("T")!.Unit);
    }
}
