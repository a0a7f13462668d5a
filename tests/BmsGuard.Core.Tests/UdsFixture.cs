using BmsGuard.Core.Audit;
using BmsGuard.Core.Uds;

namespace BmsGuard.Core.Tests
{
    /// <summary>An audit trail that keeps what it is given, for assertions.</summary>
    public sealed class RecordingAuditTrail : IAuditTrail
    {
        /// <summary>Kinds recorded, in order.</summary>
        public readonly int[] Kinds = new int[256];

        /// <summary>Reasons recorded, in order.</summary>
        public readonly int[] Reasons = new int[256];

        /// <summary>Details recorded, in order (copies).</summary>
        public readonly byte[][] Details = new byte[256][];

        /// <summary>Records so far.</summary>
        public int Count;

        /// <inheritdoc />
        public void Record(long timeMicros, int kind, int reason, byte[] detail, int detailLength)
        {
            Kinds[Count] = kind;
            Reasons[Count] = reason;
            byte[] copy = new byte[detailLength];
            System.Array.Copy(detail, copy, detailLength);
            Details[Count] = copy;
            Count++;
        }
    }

    /// <summary>A reference-policy inspector with its window and audit trail, and frame builders.</summary>
    public sealed class UdsBench
    {
        /// <summary>One second in microseconds.</summary>
        public const long Second = 1000000;

        /// <summary>The inspector under test (N_Cr 1 s).</summary>
        public readonly UdsInspector Inspector;

        /// <summary>Its maintenance window.</summary>
        public readonly MaintenanceWindow Window;

        /// <summary>Its audit trail.</summary>
        public readonly RecordingAuditTrail Audit = new RecordingAuditTrail();

        /// <summary>Its policy (the reference policy).</summary>
        public readonly UdsPolicy Policy = UdsReferencePolicy.Create();

        /// <summary>Response frames of the last call.</summary>
        public readonly byte[] Response = new byte[16];

        /// <summary>The vehicle state's answer to "may a window be used now" (safe unless a test says otherwise).</summary>
        public readonly CommandSafetyStub Safety = new CommandSafetyStub();

        /// <summary>Creates the bench.</summary>
        public UdsBench()
        {
            Window = new MaintenanceWindow(Audit);
            Inspector = new UdsInspector(Policy, Window, Safety, Audit, Second);
        }

        /// <summary>A BMS frame on the 11-bit response id; true when it may go to the TCU. <paramref name="frame"/> may be rewritten.</summary>
        public bool Answer(long now, byte[] frame)
        {
            return Inspector.JudgeResponse(UdsInspector.PhysicalResponseId, false, frame, frame.Length, now);
        }

        /// <summary>A single-frame request on the 11-bit physical id, padded to 8 bytes.</summary>
        public int Single(long now, params byte[] request)
        {
            return Frame(UdsInspector.PhysicalId, false, now, SingleFrame(request), 8);
        }

        /// <summary>Any frame.</summary>
        public int Frame(uint id, bool extended, long now, byte[] data, int length)
        {
            for (int i = 0; i < Response.Length; i++)
            {
                Response[i] = 0;
            }

            return Inspector.Inspect(id, extended, data, length, now, Response);
        }

        /// <summary>[length, request..., 0xAA padding] as 8 bytes.</summary>
        public static byte[] SingleFrame(byte[] request)
        {
            byte[] f = new byte[] { 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA };
            f[0] = (byte)request.Length;
            System.Array.Copy(request, 0, f, 1, request.Length);
            return f;
        }

        /// <summary>The first response frame, as hex.</summary>
        public string FirstResponse()
        {
            byte[] f = new byte[8];
            System.Array.Copy(Response, f, 8);
            return Expect.Hex(f);
        }

        /// <summary>The second response frame, as hex.</summary>
        public string SecondResponse()
        {
            byte[] f = new byte[8];
            System.Array.Copy(Response, 8, f, 0, 8);
            return Expect.Hex(f);
        }

        /// <summary>Fails unless the verdict is <paramref name="expected"/>.</summary>
        public static void Verdict(int expected, int actual, string context)
        {
            nanoFramework.TestFramework.Assert.AreEqual(UdsVerdict.Name(expected), UdsVerdict.Name(actual), context);
        }
    }
}
