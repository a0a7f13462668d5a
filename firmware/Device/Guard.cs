using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Ingress;
using BmsGuard.Core.Safety;
using BmsGuard.Core.SecOc;
using BmsGuard.Core.Uds;

namespace BmsGuard.Device
{
    /// <summary>
    /// The TCU-side guard assembled from its files: identity, key ring with rollback detection, live
    /// vehicle state and interlocks, command guard, maintenance window, UDS inspector, the BMS's
    /// native commands and the audit log. <see cref="Attach"/> plugs it into a gateway.
    /// </summary>
    public sealed class Guard
    {
        private static readonly string NoVehicle = "00000000000000000";

        /// <summary>Opens the files, recovers the audit log, loads the keys and installs a waiting owner key.</summary>
        public Guard(GuardFiles files, IFrameOutbox outbox, long nowMicros)
        {
            Identity = GuardIdentity.Load(files.Identity);

            // Unprovisioned: keys of zeros; the key ring is empty, so no command can pass anyway.
            byte[] auditKey = Identity == null ? new byte[32] : Identity.DeriveKey("audit");
            byte[] stateKey = Identity == null ? new byte[32] : Identity.DeriveKey("state");
            Audit = new AuditLog(files.Audit, auditKey, new StorageAnchor(files.AuditHead));
            Audit.Open(nowMicros);
            VehicleState = ReferenceSafety.NewState();
            Interlocks = ReferenceSafety.NewTable(VehicleState);
            Keys = new KeyRing();
            Commands = new CommandGuard(
                Identity == null ? NoVehicle : Identity.Vin,
                Keys,
                CommandPolicy.Default(),
                new GuardStateStore(files.StateA, files.StateB, new StorageAnchor(files.Anchor), stateKey),
                Interlocks,
                Audit,
                nowMicros);
            if (Identity != null)
            {
                InstallOwner(files, nowMicros);
            }

            Window = new MaintenanceWindow(Audit);
            Uds = new UdsInspector(UdsReferencePolicy.Create(), Window, Interlocks, Audit, 1000000);
            Natives = ReferenceNativeCommands.NewTable();
            SecOc = Identity == null ? null : LoadSecOc(files, Commands.Policy);
            Ingress = new TcuIngress(Commands, Natives, Window, Uds, SecOc, outbox, Audit);
            Telemetry = new GuardTelemetry(files, Keys, Identity == null ? NoVehicle : Identity.Vin, Ingress, Audit, nowMicros);
            byte[] detail = new byte[2];
            // Identity: 0 none, 1 loaded, 2 a file is there but refused (bad tag or VIN): running unprovisioned.
            detail[0] = (byte)(Identity != null ? 1 : files.Identity.Length > 0 ? 2 : 0);
            detail[1] = (byte)Keys.Count;
            Audit.Record(nowMicros, AuditKind.Boot, Commands.LoadResult, detail, 2);
        }

        /// <summary>Who this guard is; null when unprovisioned.</summary>
        public readonly GuardIdentity Identity;

        /// <summary>The hash-chained audit log.</summary>
        public readonly AuditLog Audit;

        /// <summary>Live vehicle state tapped from the BMS bus.</summary>
        public readonly VehicleState VehicleState;

        /// <summary>The safety interlocks over <see cref="VehicleState"/>.</summary>
        public readonly InterlockTable Interlocks;

        /// <summary>Provisioned keys.</summary>
        public readonly KeyRing Keys;

        /// <summary>Judges signed command envelopes.</summary>
        public readonly CommandGuard Commands;

        /// <summary>The maintenance window signed commands open.</summary>
        public readonly MaintenanceWindow Window;

        /// <summary>Inspects UDS requests from the TCU.</summary>
        public readonly UdsInspector Uds;

        /// <summary>The BMS's native command frames.</summary>
        public readonly NativeCommandTable Natives;

        /// <summary>CAN id of SecOC-protected single-frame commands from the TCU.</summary>
        public const uint SecOcCommandId = 0x6A1;

        /// <summary>The SecOC single-frame command path; null when no SecOC key was provisioned.</summary>
        public readonly SecOcCommands SecOc;

        /// <summary>Decides every TCU frame.</summary>
        public readonly TcuIngress Ingress;

        /// <summary>The owner's telemetry policy, sanitizer, publisher and uplink.</summary>
        public readonly GuardTelemetry Telemetry;

        /// <summary>
        /// Plugs the guard into a gateway: TCU frames go to <see cref="Ingress"/>, BMS frames feed
        /// <see cref="VehicleState"/> and the telemetry sanitizer, whose policy also blanks what the TCU gets;
        /// receive pauses (<see cref="Gateway.Budget"/>) are audited.
        /// </summary>
        public void Attach(Gateway gateway)
        {
            gateway.TcuIngress = Ingress;
            gateway.DiagnosticResponses = Ingress;
            gateway.BmsObserver = VehicleState;
            gateway.Budget(GatewayPort.Bms).Audit = Audit;
            gateway.Budget(GatewayPort.Tcu).Audit = Audit;
            Telemetry.Attach(gateway);
        }

        /// <summary>Periodic work of the guard (every 10..100 ms on the device): telemetry windows, flushes, the uplink, the audit budget's summaries.</summary>
        public void Tick(long nowMicros)
        {
            Telemetry.Tick(nowMicros);
            Audit.Settle(nowMicros);
        }

        private SecOcCommands LoadSecOc(GuardFiles files, CommandPolicy policy)
        {
            int role;
            byte[] key;
            if (!SecOcProvisioning.TryRead(files.SecOc, Identity.DeriveKey("secoc"), out role, out key))
            {
                return null;
            }

            SecOcReceiver receiver = new SecOcReceiver(SecOcCommandId, false, SecOcCommandId, SecOcReceiver.DefaultResyncWindows, Audit);
            receiver.Provision(key, 0);
            return new SecOcCommands(receiver, role, policy, Interlocks, Audit, new StorageAnchor(files.SecOcFreshness));
        }

        private void InstallOwner(GuardFiles files, long nowMicros)
        {
            ushort keyId;
            byte[] secret;
            if (!OwnerProvisioning.TryRead(files.Owner, Identity.DeriveKey("owner"), out keyId, out secret))
            {
                return;
            }

            int result = Commands.ProvisionOwner(keyId, secret, nowMicros);
            if (result == CommandVerdict.Accepted || result == CommandVerdict.AlreadyProvisioned)
            {
                // The secret has a home in the key ring now; do not leave a second copy on flash.
                files.Owner.Truncate(0);
            }
        }
    }
}
