namespace BmsGuard.Core.Uds
{
    /// <summary>The built-in UDS policy for the reference BMS (owner's choice; replace with a policy bundle).</summary>
    public static class UdsReferencePolicy
    {
        /// <summary>
        /// Reading is open except for identifying DIDs (VIN 0xF190, ECU serial 0xF18C stay unlisted);
        /// changing anything needs a maintenance window, reprogramming a flashing window. Not listed, so
        /// never allowed: memory reads/writes by address (0x23, 0x3D), request upload (0x35) and
        /// input/output control (0x2F, which can actuate contactors).
        /// </summary>
        public const string Text =
            "service 0x3E always    # tester-present\n" +
            "service 0x19 always    # read-dtc-information (fault codes for the owner's workshop)\n" +
            "service 0x22 always    # read-data-by-identifier, DIDs below\n" +
            "service 0x11 window    # ecu-reset\n" +
            "service 0x14 window    # clear-dtc\n" +
            "service 0x27 window    # security-access\n" +
            "service 0x2E window    # write-data-by-identifier\n" +
            "service 0x31 window    # routine-control\n" +
            "service 0x28 flashing  # communication-control (part of a programming sequence)\n" +
            "service 0x85 flashing  # control-dtc-setting (part of a programming sequence)\n" +
            "service 0x34 flashing  # request-download\n" +
            "service 0x36 flashing  # transfer-data\n" +
            "service 0x37 flashing  # request-transfer-exit\n" +
            "session 0x01 always    # default\n" +
            "session 0x03 window    # extended\n" +
            "session 0x02 flashing  # programming\n" +
            "did 0xF186             # active diagnostic session\n" +
            "did 0xF187             # spare part number\n" +
            "did 0xF189             # software version\n" +
            "did 0xF191             # hardware number\n" +
            "did 0xF195             # supplier software version\n";

        /// <summary>Parses <see cref="Text"/> into a new policy (with fresh counters).</summary>
        public static UdsPolicy Create()
        {
            int line;
            string error;
            return UdsPolicyText.Parse(Text, out line, out error);
        }
    }
}
