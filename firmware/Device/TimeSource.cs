using BmsGuard.Core.Telemetry;
using nanoFramework.Networking;

namespace BmsGuard.Device
{
    /// <summary>
    /// Sets the device clock only from the time servers the owner's signed policy lists
    /// (<c>destination: time-servers</c>). Signed commands are judged by that clock, and nanoFramework's
    /// SNTP client otherwise asks pool.ntp.org: without a listed server it is not started, and every
    /// command stays "not yet valid" (denied) until the clock is set some other way.
    /// </summary>
    public sealed class TimeSource
    {
        private TelemetryPolicy _applied;
        private bool _everApplied;
        private string _status = "time: not configured";

        /// <summary>What the last <see cref="Apply"/> did, for the console.</summary>
        public string Status
        {
            get { return _status; }
        }

        /// <summary>
        /// Points the SNTP client at <paramref name="policy"/>'s time servers (main, then backup) and
        /// starts it, or stops it when the policy lists none or there is no policy. Does nothing when
        /// the policy is the one applied last; returns true when it changed something.
        /// </summary>
        public bool Apply(TelemetryPolicy policy)
        {
            if (_everApplied && policy == _applied)
            {
                return false;
            }

            // Applied once the client took it: a call that threw is tried again at the next one.
            if (policy == null || policy.TimeServerCount == 0)
            {
                Sntp.Stop();
                _status = "time: no time server in the owner's policy; SNTP is off";
            }
            else
            {
                // Stop first: the client takes the servers when it starts.
                Sntp.Stop();
                Sntp.Server1 = policy.TimeServer(0);
                Sntp.Server2 = policy.TimeServerCount > 1 ? policy.TimeServer(1) : policy.TimeServer(0);
                Sntp.Start();
                _status = "time: SNTP from " + Sntp.Server1 + (policy.TimeServerCount > 1 ? " and " + Sntp.Server2 : "");
            }

            _everApplied = true;
            _applied = policy;
            return true;
        }
    }
}
