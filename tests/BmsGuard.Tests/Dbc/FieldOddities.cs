using System.Text;

namespace BmsGuard.Tests.Dbc;

/// <summary>
/// A DBC written the way files from the field are, one oddity of each kind that canmatrix reads,
/// for the reader's warnings and the canmatrix cross-check. Written in Windows-1252 (not UTF-8) by
/// <see cref="Bytes"/>, with value descriptions holding spaces, '=', ',' and non-ASCII letters.
/// </summary>
public static class FieldOddities
{
    /// <summary>The warnings the reader must give: the text of the line each names, and how the reason starts.</summary>
    public static readonly (string OnLine, string Reason)[] Warnings =
    [
        ("SG_ Temp :", "the file is not UTF-8 (byte 0xB0); read as Windows-1252"),
        ("BO_ 419385573", "id 0x18FF50E5 of message J1939Like does not fit 11 bits and lacks the extended flag"),
        ("BO_ 1073742115", "id 0x40000123 of message HighBits does not fit 29 bits; taken as standard id 0x123"),
        ("BO_ 777", "the message name after the BO_ id '777' is a number, not an identifier"),
        ("SG_ 42", "the signal name after SG_ '42' is a number, not an identifier"),
        ("SG_ PastEnd", "signal PastEnd (23|16@0, Motorola) needs 4 bytes but message Short has 3; a frame of that length carries its first 8 bits"),
        ("SG_ MuxB", "message TwoMux has several multiplexors (M): MuxA and MuxB"),
        ("CM_ BO_ 999", "CM_ BO_ refers to message id 999 (0x3E7), which no BO_ defines; the statement is ignored"),
        ("CM_ SG_ 301 Gone", "CM_ SG_ refers to signal 'Gone', which message Short does not have; the statement is ignored"),
        ("CM_ BU_ Nobody", "CM_ BU_ refers to node 'Nobody', which BU_ does not list; the comment is ignored"),
        ("VAL_ 301 Gone", "VAL_ refers to signal 'Gone', which message Short does not have; the statement is ignored"),
        ("BO_ 998", "BA_ \"GenMsgCycleTime\" refers to message id 998 (0x3E6), which no BO_ defines; the statement is ignored"),
        ("SG_ 301 Gone 0", "BA_ \"GenSigStartValue\" refers to signal 'Gone', which message Short does not have; the statement is ignored"),
        ("without its semicolon", "CM_ has no ';' before the end of the file; taken to end with its text"),
    ];

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string text) => 1 + Text.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The file's text; <see cref="Bytes"/> encodes it.</summary>
    public const string Text = """
        VERSION ""

        NS_ :
            CM_
            BA_

        BS_:

        BU_: BMS TCU Gateway
        BO_ 419385573 J1939Like: 8 BMS
         SG_ CellVoltage : 0|16@1+ (0.001,0) [0|65.535] "V" TCU
         SG_ Mode : 16|4@1+ (0.5,10) [10|17.5] "" TCU
        BO_ 1073742115 HighBits: 8 BMS
         SG_ Temp : 0|8@1- (1,-40) [-40|87] "°C" TCU

        BO_ 777 777: 8 BMS
         SG_ 42 : 0|8@1+ (1,0) [0|255] "" TCU
        BO_ 301 Short: 3 BMS
         SG_ PastEnd : 23|16@0+ (1,0) [0|65535] "" TCU
         SG_ Inside : 0|8@1+ (1,0) [0|255] "" TCU

        BO_ 302 FdPack: 64 BMS
         SG_ CellMin : 496|16@1+ (0.001,0) [0|65.535] "V" TCU
         SG_ CellMax : 263|16@0+ (0.001,0) [0|65.535] "V" TCU

        BO_ 303 TwoMux: 8 BMS
         SG_ MuxA M : 0|4@1+ (1,0) [0|15] "" TCU
         SG_ MuxB M : 4|4@1+ (1,0) [0|15] "" TCU
         SG_ Page0 m0 : 8|8@1+ (1,0) [0|255] "" TCU
         SG_ Page1 m1 : 16|8@1+ (1,0) [0|255] "" TCU

        BA_DEF_ BO_ "GenMsgCycleTime" INT 0 10000;
        BA_DEF_ SG_ "GenSigStartValue" INT 0 100000;
        VAL_ 419385573 Mode 3 "Charge, fast = 50 kW" 2 "Drive" 1 "Standby mode" 0 "Aus – Ruhe";
        VAL_ 1073742115 Temp -40 "Sensor fehlt" -1 "kalt" ;
        VAL_ 302 CellMin 65535 "ungültig" ;
        VAL_ 303 MuxA 0 "page 0" ;
        CM_ BO_ 999 "no such message";
        CM_ SG_ 301 Gone "no such signal";
        CM_ BU_ Nobody "no such node";
        VAL_ 301 Gone 0 "x" ;
        BA_ "GenMsgCycleTime" BO_ 998 100;
        BA_ "GenSigStartValue" SG_ 301 Gone 0;
        BA_ "GenMsgCycleTime" BO_ 301 50;
        CM_ SG_ 777 42 "numbered signal";
        CM_ BO_ 419385573 "referred to by the id as written";
        CM_ SG_ 1073742115 Temp "referred to by the id as written";
        CM_ BO_ 301 "the last comment, without its semicolon"
        """;

    /// <summary>The file as CANdb++ on a Western Windows writes it: Windows-1252, CRLF.</summary>
    public static byte[] Bytes()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252).GetBytes(Text.ReplaceLineEndings("\r\n"));
    }
}
