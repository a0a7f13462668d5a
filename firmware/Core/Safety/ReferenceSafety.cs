namespace BmsGuard.Core.Safety
{
    /// <summary>
    /// The reference vehicle-state taps and interlocks for the reference BMS
    /// (host-sim/BmsGuard.HostSim/samples/reference-bms.dbc), as text in the syntax of
    /// <see cref="VehicleStateText"/> and <see cref="InterlockTableText"/>. A host test decodes frames with
    /// both the DBC and these taps and compares. Max ages are about five cycle times of each frame.
    /// </summary>
    public static class ReferenceSafety
    {
        /// <summary>Signals tapped from the reference BMS bus.</summary>
        public const string Signals =
            "# VehicleState 0x0D0, 100 ms (from the vehicle controller)\n"
            + "signal vehicle_speed id=0x0D0 start=0 len=16 order=intel unsigned scale=0.01 offset=0 unit=km/h max-age=500ms\n"
            + "signal charging_state id=0x0D0 start=16 len=3 order=intel unsigned scale=1 offset=0 max-age=500ms"
            + " values=0:not_connected,1:connected,2:charging_ac,3:charging_dc,4:complete,5:fault\n"
            + "# PackStatus 0x1F0, 20 ms; PackCurrent positive = discharge, negative = charge\n"
            + "signal pack_voltage id=0x1F0 start=0 len=16 order=intel unsigned scale=0.1 offset=0 unit=V max-age=200ms\n"
            + "signal pack_current id=0x1F0 start=16 len=16 order=intel signed scale=0.1 offset=0 unit=A max-age=200ms\n"
            + "signal soc id=0x1F0 start=32 len=8 order=intel unsigned scale=0.5 offset=0 unit=% max-age=200ms\n"
            + "# Temperatures 0x1F2, 500 ms\n"
            + "signal cell_temp_max id=0x1F2 start=8 len=8 order=intel unsigned scale=1 offset=-40 unit=degC max-age=2500ms\n"
            + "# Contactors 0x1F3, 100 ms\n"
            + "signal contactor_main_pos id=0x1F3 start=0 len=1 order=intel unsigned scale=1 offset=0 max-age=500ms values=0:open,1:closed\n"
            + "signal contactor_main_neg id=0x1F3 start=1 len=1 order=intel unsigned scale=1 offset=0 max-age=500ms values=0:open,1:closed\n"
            + "signal contactor_precharge id=0x1F3 start=2 len=1 order=intel unsigned scale=1 offset=0 max-age=500ms values=0:open,1:closed\n"
            + "signal contactor_charge id=0x1F3 start=3 len=1 order=intel unsigned scale=1 offset=0 max-age=500ms values=0:open,1:closed\n"
            + "signal fault_flags id=0x1F3 start=8 len=8 order=intel unsigned scale=1 offset=0 max-age=500ms\n"
            + "signal bms_state id=0x1F3 start=24 len=8 order=intel unsigned scale=1 offset=0 max-age=500ms"
            + " values=0:sleep,1:standby,2:drive,3:charge\n"
            + "# ChargerStatus 0x18FF50E5 (J1939 style), 100 ms\n"
            + "signal charger_current id=0x18FF50E5 ext start=16 len=16 order=intel unsigned scale=0.1 offset=0 unit=A max-age=500ms\n";

        /// <summary>
        /// Interlocks for every command type. Why each row:
        /// open-contactors: only at standstill and below 5 A, so the contactors never break load current
        /// (arcing welds them) and the car never loses traction power while moving.
        /// disable-charging: never cut a DC fast charge under current (the BMS would open the charge path
        /// under up to hundreds of amps); allowed when not DC charging, or once the current is below 10 A.
        /// set-current-limits, set-cell-voltage-limits, open-maintenance-window: vehicle stopped.
        /// open-flashing-window: stopped, no charging cable connected (a charge could start mid-flash), both
        /// main contactors open (no high voltage while the BMS is being reprogrammed).
        /// The rest change no physical state: explicitly always.
        /// </summary>
        public const string Interlocks =
            "interlock set-charge-target always\n"
            + "interlock enable-charging always\n"
            + "interlock disable-charging when charging_state != charging_dc\n"
            + "interlock disable-charging when abs(pack_current) < 10\n"
            + "interlock open-contactors when vehicle_speed == 0 and abs(pack_current) < 5\n"
            + "interlock set-current-limits when vehicle_speed == 0\n"
            + "interlock set-cell-voltage-limits when vehicle_speed == 0\n"
            + "interlock open-maintenance-window when vehicle_speed == 0\n"
            + "interlock open-flashing-window when vehicle_speed == 0 and charging_state == not_connected"
            + " and contactor_main_pos == open and contactor_main_neg == open\n"
            + "interlock close-maintenance-window always\n"
            + "interlock provision-key always\n"
            + "interlock rotate-key always\n"
            + "interlock revoke-key always\n";

        /// <summary>The reference taps, compiled.</summary>
        public static VehicleState NewState()
        {
            int line;
            string error;
            return VehicleStateText.Parse(Signals, out line, out error);
        }

        /// <summary>The reference interlocks over <paramref name="state"/> (which must hold the reference taps).</summary>
        public static InterlockTable NewTable(VehicleState state)
        {
            int line;
            string error;
            return InterlockTableText.Parse(Interlocks, state, out line, out error);
        }
    }
}
