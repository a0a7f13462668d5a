using BmsGuard.HostSim.Dbc;
using BmsGuard.Tests.Support;

namespace BmsGuard.Tests.Dbc;

/// <summary>Hand-written DBC files shared by the parser, codec and canmatrix tests.</summary>
public static class DbcSnippets
{
    public static string ReferenceDbc => Path.Combine(Captures.RepoRoot, "host-sim", "BmsGuard.HostSim", "samples", "reference-bms.dbc");

    /// <summary>Every construct the parser models, plus sections it skips, in CANdb++'s layout.</summary>
    public const string Everything = """
        VERSION "1.2.3"


        NS_ :
        	NS_DESC_
        	CM_
        	BA_DEF_
        	BA_
        	VAL_
        	SIG_VALTYPE_
        	SG_MUL_VAL_
        	BO_TX_BU_

        BS_: 500 : 12,34

        BU_: ECU1 ECU2 Gateway

        VAL_TABLE_ OnOff 1 "on" 0 "off" ;
        VAL_TABLE_ Gears -1 "reverse" 0 "neutral" 1 "first" ;


        BO_ 100 Intel: 8 ECU1
         SG_ Unsigned12 : 4|12@1+ (0.5,-10) [-10|2037.5] "km/h"  ECU2,Gateway
         SG_ Signed9 : 16|9@1- (1,0) [-256|255] ""  ECU2
         SG_ Flag : 63|1@1+ (1,0) [0|1] ""  Vector__XXX

        BO_ 2147484160 Motorola: 8 ECU2
         SG_ Moto16 : 7|16@0+ (0.01,0) [0|655.35] "V"  ECU1
         SG_ Moto12 : 19|12@0- (1,0) [-2048|2047] ""  ECU1
         SG_ Moto20 : 43|20@0+ (1,0) [0|1048575] ""  ECU1

        BO_ 300 Floats: 16 ECU1
         SG_ Single : 0|32@1- (1,0) [-1E+038|1E+038] "m"  ECU2
         SG_ Double : 71|64@0- (1,0) [-1E+308|1E+308] "m"  ECU2

        BO_ 400 Muxed: 8 ECU1
         SG_ Mode M : 0|8@1+ (1,0) [0|255] ""  ECU2
         SG_ PageA m0 : 8|16@1+ (1,0) [0|65535] ""  ECU2
         SG_ PageB m1 : 8|16@1- (0.1,0) [-3276.8|3276.7] "A"  ECU2
         SG_ Always : 56|8@1+ (1,0) [0|255] ""  ECU2

        BO_ 500 ExtMux: 8 ECU1
         SG_ Top M : 0|4@1+ (1,0) [0|15] ""  ECU2
         SG_ Sub m1M : 8|8@1+ (1,0) [0|255] ""  ECU2
         SG_ Leaf m2 : 16|16@1+ (1,0) [0|65535] ""  ECU2
         SG_ Direct m0 : 16|8@1+ (1,0) [0|255] ""  ECU2

        BO_TX_BU_ 100 : ECU1,Gateway;


        EV_ EnvVar: 0 [0|100] "" 0 1 DUMMY_NODE_VECTOR0 Vector__XXX;
        ENVVAR_DATA_ EnvData: 8;
        SIG_GROUP_ 100 Group1 1 : Unsigned12 Signed9;
        CAT_DEF_ 1 Category 0;

        CM_ "Global comment
        over two lines";
        CM_ BU_ ECU1 "Engine ECU";
        CM_ BO_ 100 "Intel message";
        CM_ SG_ 100 Signed9 "A \"quoted\" word
        and a second line;
        and a third";
        CM_ EV_ EnvVar "not modelled";
        BA_DEF_  "BusType" STRING ;
        BA_DEF_ BU_  "NodeAddress" HEX 0 255;
        BA_DEF_ BO_  "GenMsgCycleTime" INT 0 10000;
        BA_DEF_ BO_  "GenMsgSendType" ENUM  "Cyclic","Event","IfActive";
        BA_DEF_ SG_  "GenSigStartValue" FLOAT -1E+009 1E+009;
        BA_DEF_ EV_  "EvAttr" INT 0 1;
        BA_DEF_REL_ BU_SG_REL_  "GenSigTimeoutTime" INT 0 65535;
        BA_DEF_DEF_  "BusType" "CAN";
        BA_DEF_DEF_  "NodeAddress" 0;
        BA_DEF_DEF_  "GenMsgCycleTime" 0;
        BA_DEF_DEF_  "GenMsgSendType" "Event";
        BA_DEF_DEF_  "GenSigStartValue" 0;
        BA_DEF_DEF_REL_ "GenSigTimeoutTime" 0;
        BA_ "BusType" "CAN FD";
        BA_ "NodeAddress" BU_ ECU1 17;
        BA_ "GenMsgCycleTime" BO_ 100 50;
        BA_ "GenMsgSendType" BO_ 100 0;
        BA_ "GenSigStartValue" SG_ 100 Unsigned12 40;
        BA_ "EvAttr" EV_ EnvVar 1;
        BA_REL_ "GenSigTimeoutTime" BU_SG_REL_ ECU2 SG_ 100 Signed9 500;
        VAL_ 100 Signed9 -1 "invalid" 0 "zero" ;
        VAL_ EnvVar 0 "off" 1 "on" ;
        SIG_VALTYPE_ 300 Single : 1;
        SIG_VALTYPE_ 300 Double : 2;
        SG_MUL_VAL_ 500 Sub Top 1-1;
        SG_MUL_VAL_ 500 Leaf Sub 2-4, 8-8;
        SG_MUL_VAL_ 500 Direct Top 0-0,3-5;

        """;

    /// <summary>
    /// For the canmatrix cross-check: Motorola and Intel, signed and unsigned, lengths up to 64,
    /// overlapping signals, floats and doubles in both byte orders, simple and extended multiplexing.
    /// Every multiplexed signal of the extended message has an SG_MUL_VAL_, as the format requires.
    /// </summary>
    public const string Mixed = """
        VERSION ""

        BS_:

        BU_: A B

        BO_ 256 MotorolaMix: 8 A
         SG_ MotoU12 : 7|12@0+ (0.5,-10) [0|0] "" B
         SG_ MotoS13 : 11|13@0- (0.25,0) [0|0] "" B
         SG_ MotoS3 : 29|3@0- (1,0) [0|0] "" B
         SG_ MotoU1 : 56|1@0+ (1,0) [0|0] "" B
         SG_ MotoU64 : 7|64@0+ (1,0) [0|0] "" B
         SG_ MotoS64 : 7|64@0- (0.001,5) [0|0] "" B
         SG_ MotoU33 : 30|33@0+ (1E-007,0) [0|0] "" B

        BO_ 257 IntelMix: 8 A
         SG_ IntelS7 : 3|7@1- (0.25,0) [0|0] "" B
         SG_ IntelU33 : 10|33@1+ (0.001,5) [0|0] "" B
         SG_ IntelS64 : 0|64@1- (1,0) [0|0] "" B
         SG_ IntelU64 : 0|64@1+ (2,-100) [0|0] "" B
         SG_ IntelS17 : 45|17@1- (-0.5,3) [0|0] "" B
         SG_ IntelU1 : 7|1@1+ (1,0) [0|0] "" B

        BO_ 258 Floats: 8 A
         SG_ IntelFloat : 0|32@1- (1,0) [0|0] "" B
         SG_ MotoFloat : 39|32@0- (1,0) [0|0] "" B
         SG_ ScaledFloat : 32|32@1- (0.5,10) [0|0] "" B

        BO_ 259 IntelDouble: 8 A
         SG_ IntelDoubleValue : 0|64@1- (1,0) [0|0] "" B

        BO_ 260 MotoDouble: 8 A
         SG_ MotoDoubleValue : 7|64@0- (1,0) [0|0] "" B

        BO_ 261 SimpleMux: 8 A
         SG_ Mux M : 0|4@1+ (1,0) [0|0] "" B
         SG_ Plain : 60|4@1+ (1,0) [0|0] "" B
         SG_ A0 m0 : 8|16@1- (0.1,0) [0|0] "" B
         SG_ B1 m1 : 15|16@0+ (1,0) [0|0] "" B
         SG_ C1 m1 : 24|8@1- (1,-40) [0|0] "" B
         SG_ D15 m15 : 4|56@1+ (1,0) [0|0] "" B

        BO_ 2147483910 ExtendedMux: 8 A
         SG_ Top M : 0|2@1+ (1,0) [0|0] "" B
         SG_ Sub m1M : 8|8@1+ (1,0) [0|0] "" B
         SG_ X m2 : 16|16@1+ (1,0) [0|0] "" B
         SG_ Y m0 : 16|8@1- (1,0) [0|0] "" B
         SG_ Z m0 : 32|12@0+ (1,0) [0|0] "" B

        BO_ 263 Fd: 64 A
         SG_ FarIntel : 500|12@1+ (1,0) [0|0] "" B
         SG_ FarMoto : 263|40@0- (0.5,0) [0|0] "" B

        SIG_VALTYPE_ 258 IntelFloat : 1;
        SIG_VALTYPE_ 258 MotoFloat : 1;
        SIG_VALTYPE_ 258 ScaledFloat : 1;
        SIG_VALTYPE_ 259 IntelDoubleValue : 2;
        SIG_VALTYPE_ 260 MotoDoubleValue : 2;
        SG_MUL_VAL_ 2147483910 Sub Top 1-1;
        SG_MUL_VAL_ 2147483910 X Sub 2-5, 10-12;
        SG_MUL_VAL_ 2147483910 Y Sub 0-0;
        SG_MUL_VAL_ 2147483910 Z Top 0-0, 2-3;

        """;

    public static DbcDatabase Parse(string text, string source = "test.dbc") => DbcDatabase.Parse(text, source);
}
