namespace BmsGuard.Tests.Capture.Trc;

/// <summary>
/// One hand-written trace per file version, after the examples of PEAK's "PEAK CAN TRC File Format"
/// document, with lines added so that each holds every frame kind its version can record.
/// </summary>
public static class TrcExamples
{
    public const string V10 = """
        ;##########################################################################
        ;   C:\TraceFile.trc
        ;
        ;    CAN activities recorded by PCAN Explorer
        ;    Start time: 11.09.2002 16:00:20.682
        ;    PCAN-Net: PCI1
        ;
        ;    Columns description:
        ;    ~~~~~~~~~~~~~~~~~~~~~
        ;    +-current number in actual sample
        ;    |       +time offset of message (ms)
        ;    |       |         +ID of message (hex)
        ;    |       |         |     +data length code
        ;    |       |         |     |   +data bytes (hex) ...
        ;    |       |         |     |   |
        ;----+-   ---+---  ----+---  +  -+ -- -- ...
             1)      1841      0001  8  00 00 00 00 00 00 00 00
             2)      1842      0008  4  ERROR 00 19 08 08
             3)      1843  FFFFFFFF  4  00 00 00 04 -- -- -- --  BUSLIGHT
             4)      1844      0100  3  RTR
             5)      1845  18EFC034  2  AA BB
        """;

    public const string V11 = """
        ;$FILEVERSION=1.1
        ;$STARTTIME=37704.5364870833
        ;
        ;   C:\TraceFile.trc
        ;
        ;   Start time: 24.03.2003 12:52:32.484
        ;   PCAN-Net: TestNet
        ;
        ;   Columns description:
        ;   ~~~~~~~~~~~~~~~~~~~~~
        ;   +-Message Number
        ;   |         +Time Offset (ms)
        ;   |         |        +Type
        ;   |         |        |        +ID (hex)
        ;   |         |        |        |     +Data Length Code
        ;   |         |        |        |     |   +Data Bytes (hex) ...
        ;   |         |        |        |     |   |
        ;---+--   ----+----  --+--  ----+---  +  -+ -- -- -- -- -- -- --
             1)      1059.9  Rx         0300  7  00 00 00 00 04 00 00
             2)      1283.2  Rx         0300  7  00 00 00 00 04 00 00
             3)      1298.9  Tx         0400  2  00 00
             4)      1323.0  Rx         0300  7  00 00 00 00 06 00 00
             5)      1346.8  Warng  FFFFFFFF  4  00 00 00 04  BUSLIGHT
             6)      1349.2  Error      0008  4  00 19 08 08
             7)      1352.7  Rx         0100  3  RTR
             8)      1353.1  Rx     18EFC034  8  01 02 03 04 05 06 07 08
        """;

    // PEAK's own 1.2 example ends $STARTTIME with ';'.
    public const string V12 = """
        ;$FILEVERSION=1.2
        ;$STARTTIME=39878.6772258947;
        ;   C:\TraceFile.trc
        ;
        ;   Start time: 06.03.2009 16:15:12.317.3
        ;   Connection: TestNet
        ;
        ;---+--   ----+------  +  --+--  ----+---  +  -+ -- -- -- -- -- -- --
             1)      1059.900  1  Rx         0300  7  00 00 00 00 04 00 00
             2)      1283.231  1  Rx         0300  7  00 00 00 00 04 00 00
             3)      1298.945  2  Tx         0400  2  00 00
             4)      1323.201  1  Rx         0300  7  00 00 00 00 06 00 00
             5)      1346.834  1  Warng  FFFFFFFF  4  00 00 00 04  BUSLIGHT
             6)      1349.222  1  Error      0008  4  00 19 08 08
             7)      1352.743  1  Rx         0100  3  RTR
        """;

    public const string V13 = """
        ;$FILEVERSION=1.3
        ;$STARTTIME=40023.5245451516
        ;   C:\TraceFile.trc
        ;
        ;   Start time: 29.07.2009 12:35:20.701.0
        ;-------------------------------------------------------------------------------
        ;   Bus  Name              Connection             Protocol  Bit rate
        ;   1    Connection1       TestNet@pcan_usb       CAN       500 kBit/s
        ;   2    Connection2       USB-Internal@pcan_usb  CAN       1 MBit/s
        ;-------------------------------------------------------------------------------
        ;   Message Number
        ;   |         Time Offset (ms)
        ;   |         |       Bus
        ;   |         |       |    Type
        ;   |         |       |    |       ID (hex)
        ;   |         |       |    |       |    Reserved
        ;   |         |       |    |       |    |   Data Length Code
        ;   |         |       |    |       |    |   |    Data Bytes (hex) ...
        ;   |         |       |    |       |    |   |    |
        ;---+-- ------+------ +- --+-- ----+--- +- -+-- -+ -- -- -- -- -- -- --
             1)      1059.900 1  Rx        0300 -  7    00 00 00 00 04 00 00
             2)      1283.231 1  Rx        0300 -  7    00 00 00 00 04 00 00
             3)      1298.945 2  Tx        0400 -  2    00 00
             4)      1323.201 1  Rx        0300 -  7    00 00 00 00 06 00 00
             5)      1346.834 1  Warng FFFFFFFF -  4    00 00 00 04  BUSLIGHT
             6)      1349.222 1  Error     0008 -  4    00 19 08 08
             7)      1352.743 1  Rx        0100 -  3    RTR
             8)      1353.001 2  Rx    18EFC034 -  1    FF
        """;

    public const string V20 = """
        ;$FILEVERSION=2.0
        ;$STARTTIME=42209.4075997106
        ;$COLUMNS=N,O,T,I,d,l,D
        ;
        ;   C:\TraceFile.trc
        ;   Start time: 24.07.2015 09:46:56.615.0
        ;   Generated by PCAN-View v4.0.29.426
        ;-------------------------------------------------------------------------------
        ;   Connection                 Bit rate
        ;   PCANLight_USB_16@pcan_usb  Nominal 1 MBit/s, Data 2 Mbit/s
        ;-------------------------------------------------------------------------------
        ;   Message   Time    Type ID     Rx/Tx
        ;   Number    Offset  |    [hex]  |  Data Length
        ;   |         [ms]    |    |      |  |  Data [hex] ...
        ;   |         |       |    |      |  |  |
        ;---+-- ------+------ +- --+----- +- +- +- -- -- -- -- -- -- --
              1      1059.900 DT     0300 Rx 7  00 00 00 00 04 00 00
              2      1283.231 DT     0300 Rx 7  00 00 00 00 04 00 00
              3      1298.945 DT     0400 Tx 2  00 00
              4      1323.201 DT     0300 Rx 7  00 00 00 00 06 00 00
              5      1334.416 FD     0500 Tx 12 01 02 03 04 05 06 07 08 09 0A 0B 0C
              6      1334.522 ER          Rx    04 00 02 00 00
              7      1334.531 ST          Rx    00 00 00 08
              8      1334.643 EC          Rx    02 02
              9      1335.156 DT 18EFC034 Tx 8  01 02 03 04 05 06 07 08
             10      1336.543 RR     0100 Rx 3
             11      1337.000 BI     0501 Rx 16 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F
        """;

    public const string V21 = """
        ;$FILEVERSION=2.1
        ;$STARTTIME=41766.4648963872
        ;$COLUMNS=N,O,T,B,I,d,R,L,D
        ;
        ;   C:\TraceFile.trc
        ;   Start time: 07.05.2015 11:09:27.047.8
        ;   Generated by PCAN-Explorer v6.0.0
        ;-------------------------------------------------------------------------------
        ;   Bus  Name         Connection             Protocol
        ;   1    Connection1  TestNet@pcan_usb       CAN
        ;-------------------------------------------------------------------------------
        ;   Message   Time    Type    ID     Rx/Tx
        ;   Number    Offset  |  Bus  [hex]  |  Reserved
        ;   |         [ms]    |  |    |      |  |  Data Length Code
        ;   |         |       |  |    |      |  |  |    Data [hex] ...
        ;   |         |       |  |    |      |  |  |    |
        ;---+-- ------+------ +- +- --+----- +- +- +--- +- -- -- -- -- -- -- --
              1      1059.900 DT 1      0300 Rx -  7    00 00 00 00 04 00 00
              2      1283.231 DT 1      0300 Rx -  7    00 00 00 00 04 00 00
              3      1298.945 DT 1      0400 Tx -  2    00 00
              4      1323.201 DT 1      0300 Rx -  7    00 00 00 00 06 00 00
              5      1334.416 FD 1      0500 Tx -  9    01 02 03 04 05 06 07 08 09 0A 0B 0C
              6      1334.222 ER 1         - Rx -  5    04 00 02 00 00
              7      1334.224 EV 1  User-defined event for bus 1
              8      1334.225 EV -  User-defined event for all busses
              9      1334.231 ST 1         - Rx -  4    00 00 00 08
             10      1334.268 ER 1         - Rx -  5    04 00 02 08 00
             11      1334.643 EC 1         - Rx -  2    02 02
             12      1335.156 DT 1  18EFC034 Tx -  8    01 02 03 04 05 06 07 08
             13      1336.543 RR 1      0100 Rx -  3
             14      1337.001 FB 2      0501 Rx -  11   00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13
             15      1337.002 FE 2  00000502 Rx -  15   00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F 20 21 22 23 24 25 26 27 28 29 2A 2B 2C 2D 2E 2F 30 31 32 33 34 35 36 37 38 39 3A 3B 3C 3D 3E 3F
             16      1337.003 BI 2      0503 Rx -  0
             17      1337.004 DT 2      0504 Rx -  12   11 22 33 44 55 66 77 88
        """;
}
