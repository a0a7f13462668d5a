// Public surface of nanoFramework.System.Text.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Text
{
    [Serializable]
    public abstract class Encoding
    {
        public static Encoding UTF8
        {
            get
            {
                throw null;
            }
        }

        public virtual byte[] GetBytes(string s)
        {
            throw null;
        }

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            throw null;
        }

        public virtual char[] GetChars(byte[] bytes)
        {
            throw null;
        }

        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount)
        {
            throw null;
        }

        public virtual string GetString(byte[] bytes, int index, int count)
        {
            throw null;
        }

        public abstract Decoder GetDecoder();
    }
}
