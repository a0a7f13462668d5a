using System;
using System.Threading;
using BmsGuard.Core;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Commands;
using BmsGuard.Core.Storage;
using BmsGuard.Core.Telemetry;

namespace BmsGuard.DeviceBench
{
    /// <summary>What frames from the TCU, the side a flood comes from, cost the guard, and what its audit records cost.</summary>
    public static partial class Program
    {
        // Sealed records are slow on the interpreter: fewer of them, each a "frame" of its phase.
        private const int AuditRecords = 500;

        // A frame nobody reads (default deny), an OBD request outside a maintenance window (denied; after the
        // warm-up its audit records are held back by the audit budget), and one sealed audit record alone: what
        // each such denial cost before that budget.
        private static void Tcu(RuleTable rules, TelemetryPolicy policy, byte[] data, ref long now)
        {
            Gateway gateway = Build(rules, Full, policy);
            byte[] request = { 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
            TcuPhase("tcu-default-deny", gateway, 0x6A5, request, ref now);
            TcuPhase("tcu-uds-denied", gateway, 0x7DF, request, ref now);

            AuditLog audit = new AuditLog(new MemoryStorageFile(AuditRecords * AuditRecord.MaxLength), new byte[32], new MemoryMonotonicAnchor(0));
            audit.Open(0);
            Console.WriteLine("bench: start audit-sealed");
            Thread.Sleep(PauseMs);
            for (int i = 0; i < AuditRecords; i++)
            {
                audit.Record(now, AuditKind.UdsAllowed, 0, data, 8);
                now += 111;
            }

            Console.WriteLine("bench: end audit-sealed " + AuditRecords.ToString() + " frames, " + audit.Records.ToString() + " records");
            Thread.Sleep(PauseMs);

            // A telemetry publish's record as UplinkAudit writes it, under the node's gate on the device: the
            // payload's SHA-256 (256 bytes, a typical batch), then the sealed record.
            UplinkAudit publishes = new UplinkAudit(audit, new string[] { "bmsguard/v1/telemetry" });
            byte[] payload = new byte[256];
            byte[] detail = new byte[UplinkAudit.DetailBytes];
            Console.WriteLine("bench: start publish-audited");
            Thread.Sleep(PauseMs);
            for (int i = 0; i < AuditRecords; i++)
            {
                payload[0] = (byte)i;
                publishes.Describe(0, payload, payload.Length, detail);
                audit.Record(now, AuditKind.Publish, UplinkAudit.FirstSend, detail, detail.Length);
                now += 111;
            }

            Console.WriteLine("bench: end publish-audited " + AuditRecords.ToString() + " frames, " + audit.Records.ToString() + " records");
            Thread.Sleep(PauseMs);
        }

        private static void TcuPhase(string name, Gateway gateway, uint id, byte[] frame, ref long now)
        {
            for (int i = 0; i < 2000; i++)
            {
                gateway.Decide(GatewayPort.Tcu, id, false, false, frame, 8, now);
                now += 111;
            }

            Console.WriteLine("bench: start " + name);
            Thread.Sleep(PauseMs);
            int denied = 0;
            for (int i = 0; i < Frames; i++)
            {
                denied += gateway.Decide(GatewayPort.Tcu, id, false, false, frame, 8, now) == Verdict.Forward ? 0 : 1;
                now += 111;
            }

            Console.WriteLine("bench: end " + name + " " + Frames.ToString() + " frames, " + denied.ToString() + " denied");
            Thread.Sleep(PauseMs);
        }
    }
}
