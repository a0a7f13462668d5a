// Public surface of nanoFramework.System.Text.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Text
{
    public class UTF8Encoding : Encoding
    {
        public override byte[] GetBytes(string s)
        {
            throw null;
        }

        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            throw null;
        }

        public override char[] GetChars(byte[] bytes)
        {
            throw null;
        }

        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount)
        {
            throw null;
        }

        public override Decoder GetDecoder()
        {
            throw null;
        }
    }
}
