// Public surface of System.IO.Streams.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace System.IO
{
    [Serializable]
    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        public virtual void Close()
        {
            throw null;
        }

        public void Dispose()
        {
            throw null;
        }

        protected virtual void Dispose(bool disposing)
        {
            throw null;
        }

        public virtual int Peek()
        {
            throw null;
        }

        public virtual int Read()
        {
            throw null;
        }

        public virtual int Read(char[] buffer, int index, int count)
        {
            throw null;
        }

        public virtual int ReadBlock(char[] buffer, int index, int count)
        {
            throw null;
        }

        public virtual string ReadLine()
        {
            throw null;
        }

        public virtual string ReadToEnd()
        {
            throw null;
        }
    }
}
