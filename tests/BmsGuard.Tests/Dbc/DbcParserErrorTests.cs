using BmsGuard.HostSim.Dbc;
using Xunit;

namespace BmsGuard.Tests.Dbc;

/// <summary>Malformed DBC files: every error names the file, the line and the reason.</summary>
public class DbcParserErrorTests
{
    private const string Head = "BU_: A B\nBO_ 100 M: 8 A\n";

    [Theory]
    [InlineData(" SG_ S : 0|8@2+ (1,0) [0|0] \"\" B\n", 3, "byte order of S must be @0 (Motorola) or @1 (Intel), found '2'")]
    [InlineData(" SG_ S : 0|8@1* (1,0) [0|0] \"\" B\n", 3, "expected '+' (unsigned) or '-' (signed) after @1 in S, found '*'")]
    [InlineData(" SG_ S : 0|0@1+ (1,0) [0|0] \"\" B\n", 3, "the length of S 0 is out of range (1..64)")]
    [InlineData(" SG_ S : 0|8@1+ (1,0) [0|0] B\n", 3, "expected a quoted string after the range of S (the unit), found 'B'")]
    [InlineData(" SG_ S : 0|8@1+ (1,0) [0|0] \"\" B\n SG_ S : 8|8@1+ (1,0) [0|0] \"\" B\n", 4, "message M already has a signal called S")]
    [InlineData(" SG_ S x3 : 0|8@1+ (1,0) [0|0] \"\" B\n", 3, "bad multiplex indicator 'x3' for signal S (expected M, mN or mNM)")]
    [InlineData(" SG_ S m3 : 0|8@1+ (1,0) [0|0] \"\" B\n", 3, "signal S is multiplexed (m3) but message M has no multiplexor (M)")]
    [InlineData("BO_ 100 Other: 8 A\n", 3, "message Other reuses id 0x64 of message M (line 2)")]
    [InlineData("BO_ 101 Long: 65 A\n", 3, "the length of message Long 65 is out of range (0..64)")]
    [InlineData("CM_ \"first\nsecond\nthird\";\n!\n", 6, "expected a statement keyword such as BO_, SG_ or CM_, found '!'")]
    [InlineData("CM_ \"never closed\n\n", 3, "unterminated string (no closing \")")]
    [InlineData(" SG_ S : 0|8@1+ (1,0) [0|0] \"\" B\nVAL_ 100 S 0 \"a\" 1\nBO_ 200 N: 8 A\n", 5, "expected a quoted string after value 1 in VAL_ 100 S, found 'BO_'")]
    [InlineData(" SG_ S : 0|16@1+ (1,0) [0|0] \"\" B\nSIG_VALTYPE_ 100 S : 1;\n", 4, "SIG_VALTYPE_ 1 makes S an IEEE float, which needs 32 bits, not 16")]
    [InlineData(" SG_ S : 0|32@1+ (1,0) [0|0] \"\" B\nSIG_VALTYPE_ 100 S : 2;\n", 4, "SIG_VALTYPE_ 2 makes S an IEEE double, which needs 64 bits, not 32")]
    [InlineData(" SG_ S M : 0|8@1+ (1,0) [0|0] \"\" B\n SG_ T m1 : 8|8@1+ (1,0) [0|0] \"\" B\nSG_MUL_VAL_ 100 T Nope 1-1;\n", 5, "SG_MUL_VAL_ names multiplexor 'Nope', which message M does not have")]
    [InlineData(" SG_ S M : 0|8@1+ (1,0) [0|0] \"\" B\n SG_ T m1 : 8|8@1+ (1,0) [0|0] \"\" B\n SG_ U m1 : 16|8@1+ (1,0) [0|0] \"\" B\nSG_MUL_VAL_ 100 U T 1-1;\n", 6, "SG_MUL_VAL_ names T as multiplexor of U, but T is not marked M or mNM")]
    [InlineData(" SG_ S M : 0|8@1+ (1,0) [0|0] \"\" B\n SG_ T m1 : 8|8@1+ (1,0) [0|0] \"\" B\nSG_MUL_VAL_ 100 T S 5-2;\n", 5, "range 5-2 of T in SG_MUL_VAL_ is empty")]
    [InlineData(" SG_ S M : 0|8@1+ (1,0) [0|0] \"\" B\n SG_ P m1M : 8|8@1+ (1,0) [0|0] \"\" B\n SG_ Q m1M : 16|8@1+ (1,0) [0|0] \"\" B\nSG_MUL_VAL_ 100 P Q 1-1;\nSG_MUL_VAL_ 100 Q P 1-1;\n", 4, "signal P of message M depends on itself through its multiplexors")]
    [InlineData("BA_DEF_ BO_ \"GenMsgCycleTime\" INT 0 100;\nBA_ \"GenMsgCycleTime\" BO_ 100 \"fast\";\n", 4, "attribute GenMsgCycleTime is INT, so its value must be a number, not string \"fast\"")]
    [InlineData("BA_DEF_ BO_ \"GenMsgCycleTime\" INT 0 100;\nBA_ \"GenMsgCycleTime\" BU_ A 10;\n", 4, "attribute GenMsgCycleTime is defined for messages (BO_), not nodes (BU_)")]
    [InlineData("BA_DEF_ BO_ \"Kind\" ENUM \"a\",\"b\";\nBA_ \"Kind\" BO_ 100 2;\n", 4, "2 is not an index of ENUM attribute Kind (0..1)")]
    [InlineData("BA_DEF_ BO_ \"Kind\" ENUM \"a\",\"b\";\nBA_DEF_DEF_ \"Kind\" \"c\";\n", 4, "'c' is not a value of ENUM attribute Kind (a, b)")]
    [InlineData("BA_DEF_ BO_ \"Kind\" BOOL;\n", 3, "unknown attribute type 'BOOL' for Kind (expected INT, HEX, FLOAT, STRING or ENUM)")]
    [InlineData("BA_DEF_ \"X\" STRING;\nBA_DEF_ \"X\" STRING;\n", 4, "attribute X is defined twice")]
    public void Errors_name_file_line_and_reason(string rest, int line, string reason)
    {
        var e = Assert.Throws<DbcFormatException>(() => DbcDatabase.Parse(Head + rest, "bad.dbc"));
        Assert.Equal(line, e.Line);
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"bad.dbc:{line}: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" SG_ S : 60|8@1+ (1,0) [0|0] \"\" B\n", 3, "signal S (60|8@1, Intel) needs 9 bytes but message M has 8; a frame of that length carries its first 4 bits")]
    [InlineData(" SG_ S : 3|8@0+ (1,0) [0|0] \"\" B\n SG_ T : 7|64@0+ (1,0) [0|0] \"\" B\n SG_ U : 15|64@0+ (1,0) [0|0] \"\" B\n", 5, "signal U (15|64@0, Motorola) needs 9 bytes but message M has 8; a frame of that length carries its first 56 bits")]
    [InlineData(" SG_ S : 64|8@1+ (1,0) [0|0] \"\" B\n", 3, "signal S (64|8@1, Intel) needs 9 bytes but message M has 8; a frame of that length carries none of its bits")]
    [InlineData(" SG_ S M : 0|8@1+ (1,0) [0|0] \"\" B\n SG_ T M : 8|8@1+ (1,0) [0|0] \"\" B\n", 4, "message M has several multiplexors (M): S and T; its mN signals are taken to follow T")]
    [InlineData(" SG_ S m : 0|8@1+ (1,0) [0|0] \"\" B\n", 3, "multiplex indicator 'm' without a value for signal S; taken as M")]
    [InlineData("BO_ 101 M: 8 A\n", 3, "message name M is already used by id 0x64 (line 2); both are kept")]
    [InlineData("BO_ 2048 Big: 8 A\n", 3, "id 0x800 of message Big does not fit 11 bits and lacks the extended flag (bit 31: 2147485696); taken as extended")]
    [InlineData("BO_ 3758096384 Huge: 8 A\n", 3, "id 0x60000000 of message Huge does not fit 29 bits; taken as extended id 0x0")]
    [InlineData("BO_ 200 300: 8 A\n", 3, "the message name after the BO_ id '300' is a number")]
    [InlineData("CM_ BO_ 999 \"x\";\n", 3, "CM_ BO_ refers to message id 999 (0x3E7), which no BO_ defines; the statement is ignored")]
    [InlineData("CM_ BU_ Nobody \"x\";\n", 3, "CM_ BU_ refers to node 'Nobody', which BU_ does not list; the comment is ignored")]
    [InlineData("CM_ SG_ 100 Nope \"x\";\n", 3, "CM_ SG_ refers to signal 'Nope', which message M does not have; the statement is ignored")]
    [InlineData("CM_ BO_ 100 \"x\"\nBA_ \"A\" 1;\n", 3, "CM_ has no ';' before the BA_ on line 4; taken to end with its text")]
    [InlineData("VAL_ 100 Nope 0 \"a\";\n", 3, "VAL_ refers to signal 'Nope', which message M does not have; the statement is ignored")]
    [InlineData(" SG_ S : 0|8@1+ (1,0) [0|0] \"\" B\nVAL_ 100 S 0 \"a\" 1 \"b\"\nBO_ 200 N: 8 A\n", 4, "VAL_ 100 S has no ';' before the BO_ on line 5; its values are ignored")]
    [InlineData(" SG_ S : 0|8@1+ (1,0) [0|0] \"\" B\nVAL_ 100 S 0 \"a\" 1 \"b\nc\";\n", 4, "the description of value 1 in VAL_ 100 S spans lines; its values are ignored")]
    [InlineData("SIG_VALTYPE_ 100 Nope : 1;\n", 3, "SIG_VALTYPE_ refers to signal 'Nope'")]
    [InlineData("SG_MUL_VAL_ 101 S T 1-1;\n", 3, "SG_MUL_VAL_ refers to message id 101 (0x65)")]
    [InlineData("BA_ \"X\" BU_ Nobody 1;\n", 3, "BA_ \"X\" refers to node 'Nobody', which BU_ does not list; the statement is ignored")]
    [InlineData("FOO_ 1 2 3;\n", 3, "unknown statement 'FOO_' skipped up to its ';'")]
    public void Oddities_are_warnings_naming_line_and_assumption_and_errors_when_strict(string rest, int line, string reason)
    {
        var db = DbcDatabase.Parse(Head + rest, "odd.dbc");
        var w = Assert.Single(db.Warnings);
        Assert.Equal(line, w.Line);
        Assert.StartsWith(reason, w.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"odd.dbc:{line}: warning: {reason}", w.ToString(), StringComparison.Ordinal);

        var e = Assert.Throws<DbcFormatException>(() => DbcDatabase.Parse(Head + rest, "odd.dbc", strict: true));
        Assert.Equal(line, e.Line);
        Assert.StartsWith(reason, e.Reason, StringComparison.Ordinal);
        Assert.EndsWith("(refused: strict reading)", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "x.dbc:1: the file is empty")]
    [InlineData(" \r\n\t\n\n", "x.dbc:1: the file has only blank lines")]
    [InlineData("time,id,data\n1.0,1F0,00\n", "x.dbc:1: not a DBC file: it starts with 'time', not a DBC keyword such as VERSION, NS_, BU_ or BO_")]
    [InlineData("{\"messages\": []}", "x.dbc:1: not a DBC file: it starts with '{', not a DBC keyword")]
    [InlineData("(1.000000) can0 1F0#00\n", "x.dbc:1: not a DBC file: it starts with '('")]
    [InlineData("\n\nVERSION \"\"\n\u0001\u0002", "x.dbc:4: expected a statement keyword such as BO_, SG_ or CM_, found '\u0001'")]
    public void Garbage_empty_and_blank_files_are_errors_that_say_so(string text, string message)
    {
        var e = Assert.Throws<DbcFormatException>(() => DbcDatabase.Parse(text, "x.dbc"));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signal_before_any_message_is_an_error()
    {
        var e = Assert.Throws<DbcFormatException>(() => DbcDatabase.Parse("BU_: A\n SG_ S : 0|8@1+ (1,0) [0|0] \"\" A\n", "x.dbc"));
        Assert.Equal("x.dbc:2: SG_ outside a message (a signal must follow its BO_ line)", e.Message);
    }
}
