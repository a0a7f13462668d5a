using BmsGuard.Core.Uds;
using nanoFramework.TestFramework;

namespace BmsGuard.Core.Tests
{
    /// <summary>The UDS policy's text form: printing and parsing back gives the same policy; errors name line and reason.</summary>
    [TestClass]
    public class UdsPolicyTextTests
    {
        [TestMethod]
        public void ReferencePolicyPrintsAndParsesBackToTheSameTable()
        {
            UdsPolicy policy = UdsReferencePolicy.Create();
            Assert.IsNotNull(policy);
            string printed = UdsPolicyText.Print(policy);
            int line;
            string error;
            UdsPolicy again = UdsPolicyText.Parse(printed, out line, out error);
            Assert.IsNull(error);
            Assert.AreEqual(printed, UdsPolicyText.Print(again));
            Assert.AreEqual(13, again.ServiceCount);
            Assert.AreEqual(3, again.SessionCount);
            Assert.AreEqual(5, again.DidCount);
            Assert.IsTrue(printed.IndexOf("service 0x27 window  # security-access allowed=0 denied=0\n") >= 0, printed);
            Assert.IsTrue(printed.IndexOf("session 0x02 flashing  # programming allowed=0 denied=0\n") >= 0, printed);
            Assert.IsTrue(printed.IndexOf("did 0xF189  # reads=0\n") >= 0, printed);
        }

        [TestMethod]
        public void CountersArePrintedAsCommentsAndIgnoredWhenParsed()
        {
            UdsBench b = new UdsBench();
            b.Single(0, 0x22, 0xF1, 0x89);
            b.Single(0, 0x27, 0x01);
            string printed = UdsPolicyText.Print(b.Policy);
            Assert.IsTrue(printed.IndexOf("service 0x27 window  # security-access allowed=0 denied=1\n") >= 0, printed);
            Assert.IsTrue(printed.IndexOf("did 0xF189  # reads=1\n") >= 0, printed);
            int line;
            string error;
            UdsPolicy again = UdsPolicyText.Parse(printed, out line, out error);
            Assert.AreEqual(UdsPolicyText.Print(UdsReferencePolicy.Create()), UdsPolicyText.Print(again));
        }

        [TestMethod]
        [DataRow("service 0x22 always\nservce 0x27 window", 2, "expected 'service', 'session' or 'did', found 'servce'")]
        [DataRow("service 0x27", 1, "expected 'service ID ACCESS' with ACCESS always, window or flashing")]
        [DataRow("service 0x127 always", 1, "invalid service id '0x127' (hex, 0x00-0xFF)")]
        [DataRow("service 0x27 sometimes", 1, "unknown access 'sometimes' (always, window, flashing)")]
        [DataRow("service 0x10 always", 1, "diagnostic-session-control (0x10) is decided per session: 'session ID ACCESS'")]
        [DataRow("# c\n\nservice 27 window\nservice 0x27 always", 4, "duplicate service '0x27'")]
        [DataRow("session 0x80 always", 1, "invalid session id '0x80' (0x01-0x7F)")]
        [DataRow("session 0x01 always\nsession 1 window", 2, "duplicate session '1'")]
        [DataRow("did 0xF1890", 1, "invalid DID '0xF1890' (hex, 0x0000-0xFFFF)")]
        [DataRow("did 0xF189 0xF190", 1, "expected 'did ID'")]
        [DataRow("did F189\ndid 0xf189", 2, "duplicate did '0xf189'")]
        public void ParseErrorNamesTheLineAndTheReason(string text, int expectedLine, string expectedError)
        {
            int line;
            string error;
            Assert.IsNull(UdsPolicyText.Parse(text, out line, out error));
            Assert.AreEqual(expectedLine, line);
            Assert.AreEqual(expectedError, error);
        }
    }
}
