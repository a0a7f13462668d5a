namespace BmsGuard.Core
{
    /// <summary>The two buses the guard sits between.</summary>
    public enum GatewayPort
    {
        /// <summary>The battery management system side (CAN1 on the NUCLEO-F767ZI).</summary>
        Bms = 0,

        /// <summary>The telematics unit side (CAN2 on the NUCLEO-F767ZI).</summary>
        Tcu = 1,
    }
}
