using BmsGuard.Core.Storage;

namespace BmsGuard.Device
{
    /// <summary>
    /// The guard's files: identity and one-shot owner key (written on the bench), the key ring's A/B
    /// state records, the rollback anchor, and the audit log with its head checkpoint.
    /// </summary>
    public sealed class GuardFiles
    {
        /// <summary>Names under the storage prefix, in constructor order.</summary>
        public const string IdentityName = "identity.bin";

        /// <summary>The owner key to install at first boot (removed once installed).</summary>
        public const string OwnerName = "owner.bin";

        /// <summary>Key ring state, first slot.</summary>
        public const string StateAName = "state.a";

        /// <summary>Key ring state, second slot.</summary>
        public const string StateBName = "state.b";

        /// <summary>The audit log.</summary>
        public const string AuditName = "audit.log";

        /// <summary>The rollback anchor.</summary>
        public const string AnchorName = "anchor.bin";

        /// <summary>The audit log's head checkpoint (a deleted or shortened log is told from a new one).</summary>
        public const string AuditHeadName = "audit-head.bin";

        /// <summary>Accepted telemetry policy bundles.</summary>
        public const string PolicyName = "policy.bin";

        /// <summary>The telemetry policy's version anchor (an older bundle restored with the file is refused).</summary>
        public const string PolicyAnchorName = "policy-anchor.bin";

        /// <summary>The SecOC key for single-frame commands (optional; written by provisioning).</summary>
        public const string SecOcName = "secoc.bin";

        /// <summary>The last accepted SecOC freshness value (survives resets).</summary>
        public const string SecOcFreshnessName = "secoc-fresh.bin";

        /// <summary>Telemetry waiting for the broker, spilled from RAM (two segments, used in turn).</summary>
        public const string UplinkName = "uplink.";

        /// <summary>Groups already opened files.</summary>
        public GuardFiles(
            IStorageFile identity,
            IStorageFile owner,
            IStorageFile stateA,
            IStorageFile stateB,
            IStorageFile audit,
            IStorageFile anchor,
            IStorageFile policy,
            IStorageFile policyAnchor,
            IStorageFile[] uplink,
            IStorageFile secOc,
            IStorageFile secOcFreshness,
            IStorageFile auditHead)
        {
            AuditHead = auditHead;
            SecOc = secOc;
            SecOcFreshness = secOcFreshness;
            Policy = policy;
            PolicyAnchor = policyAnchor;
            Uplink = uplink;
            Identity = identity;
            Owner = owner;
            StateA = stateA;
            StateB = stateB;
            Audit = audit;
            Anchor = anchor;
        }

        /// <summary>Identity (VIN and device secret).</summary>
        public readonly IStorageFile Identity;

        /// <summary>One-shot owner key.</summary>
        public readonly IStorageFile Owner;

        /// <summary>State slot A.</summary>
        public readonly IStorageFile StateA;

        /// <summary>State slot B.</summary>
        public readonly IStorageFile StateB;

        /// <summary>Audit log.</summary>
        public readonly IStorageFile Audit;

        /// <summary>Rollback anchor.</summary>
        public readonly IStorageFile Anchor;

        /// <summary>Audit head checkpoint.</summary>
        public readonly IStorageFile AuditHead;

        /// <summary>Telemetry policy bundles.</summary>
        public readonly IStorageFile Policy;

        /// <summary>Telemetry policy version anchor.</summary>
        public readonly IStorageFile PolicyAnchor;

        /// <summary>SecOC key file.</summary>
        public readonly IStorageFile SecOc;

        /// <summary>SecOC freshness store.</summary>
        public readonly IStorageFile SecOcFreshness;

        /// <summary>Uplink spill segments (may be empty: RAM only).</summary>
        public readonly IStorageFile[] Uplink;

        /// <summary>Files named <paramref name="prefix"/> + name, e.g. "I:\\bmsguard-" on the board or a directory path ending in a separator.</summary>
        public static GuardFiles At(string prefix)
        {
            return new GuardFiles(
                new FlashStorageFile(prefix + IdentityName),
                new FlashStorageFile(prefix + OwnerName),
                new FlashStorageFile(prefix + StateAName),
                new FlashStorageFile(prefix + StateBName),
                new FlashStorageFile(prefix + AuditName),
                new FlashStorageFile(prefix + AnchorName),
                new FlashStorageFile(prefix + PolicyName),
                new FlashStorageFile(prefix + PolicyAnchorName),
                new IStorageFile[] { new FlashStorageFile(prefix + UplinkName + "0"), new FlashStorageFile(prefix + UplinkName + "1") },
                new FlashStorageFile(prefix + SecOcName),
                new FlashStorageFile(prefix + SecOcFreshnessName),
                new FlashStorageFile(prefix + AuditHeadName));
        }

        /// <summary>Empty files in RAM: an unprovisioned guard that forgets everything at reset.</summary>
        public static GuardFiles InMemory()
        {
            return new GuardFiles(
                new MemoryStorageFile(16),
                new MemoryStorageFile(16),
                new MemoryStorageFile(16),
                new MemoryStorageFile(16),
                new MemoryStorageFile(1024),
                new MemoryStorageFile(16),
                new MemoryStorageFile(16),
                new MemoryStorageFile(16),
                new IStorageFile[0],
                new MemoryStorageFile(16),
                new MemoryStorageFile(16),
                new MemoryStorageFile(16));
        }
    }
}
