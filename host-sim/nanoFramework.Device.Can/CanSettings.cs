namespace nanoFramework.Device.Can
{
    /// <summary>Settings for a CAN bus (stand-in with the nanoFramework signatures).</summary>
    public sealed class CanSettings
    {
        /// <summary>Creates settings from explicit bit timing values.</summary>
        public CanSettings(byte baudRatePrescaler, byte phaseSegment1, byte phaseSegment2, byte syncJumpWidth)
        {
            BaudRatePrescaler = baudRatePrescaler;
            PhaseSegment1 = phaseSegment1;
            PhaseSegment2 = phaseSegment2;
            SyncJumpWidth = syncJumpWidth;
        }

        /// <summary>Creates settings from a timing preset.</summary>
        public CanSettings(CanBitTiming timing)
        {
            Timing = timing;
        }

        internal CanSettings(CanSettings value)
        {
            BaudRatePrescaler = value.BaudRatePrescaler;
            PhaseSegment1 = value.PhaseSegment1;
            PhaseSegment2 = value.PhaseSegment2;
            SyncJumpWidth = value.SyncJumpWidth;
            Timing = value.Timing;
        }

        /// <summary>Gets or sets the baud rate prescaler.</summary>
        public byte BaudRatePrescaler { get; set; }

        /// <summary>Gets or sets phase segment 1.</summary>
        public byte PhaseSegment1 { get; set; }

        /// <summary>Gets or sets phase segment 2.</summary>
        public byte PhaseSegment2 { get; set; }

        /// <summary>Gets or sets the synchronization jump width.</summary>
        public byte SyncJumpWidth { get; set; }

        /// <summary>Gets or sets the timing preset.</summary>
        public CanBitTiming Timing { get; set; }
    }
}
