using System.Security.Cryptography;
using BmsGuard.Core.Audit;
using BmsGuard.Core.Storage;
using BmsGuard.Tests.Support;
using Xunit;

namespace BmsGuard.Tests.Audit;

/// <summary>The audit log allocates nothing per record once open (the device has a few KB of heap).</summary>
public class AuditAllocationTests
{
    [Fact]
    public void Appending_records_allocates_nothing()
    {
        var file = new MemoryStorageFile(1 << 20);
        var log = new AuditLog(file, RandomNumberGenerator.GetBytes(32));
        log.Open(0);
        byte[] detail = new byte[64];
        log.Record(0, AuditKind.Boot, 0, detail, 8);

        Assert.Equal(0, SteadyAllocation.Of(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                log.Record(i, AuditKind.UdsAllowed, i, detail, i % 65);

                // Past its budget a denial is counted, not written: that path allocates nothing either.
                log.Record(i, AuditKind.UdsDenied, i, detail, 4);
            }
        }));
        Assert.Equal(4001u + AuditBudget.DefaultAllowance, log.LastSequence);
    }

    [Fact]
    public void Host_file_survives_reopen_and_truncate()
    {
        string path = Path.Combine(Path.GetTempPath(), "bmsguard-audit-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var f = HostSim.Audit.FileStorageFile.Open(path))
            {
                f.Append([1, 2, 3, 4, 5], 1, 3);
                f.Truncate(2);
                f.Append([9], 0, 1);
            }

            using var again = HostSim.Audit.FileStorageFile.Open(path);
            byte[] buffer = new byte[8];
            Assert.Equal(3, again.Read(0, buffer, 0, 8));
            Assert.Equal(new byte[] { 2, 3, 9 }, buffer[..3]);
            Assert.Equal(0, again.Read(3, buffer, 0, 8));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
