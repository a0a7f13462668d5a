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
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public virtual bool CanTimeout
        {
            get
            {
                throw null;
            }
        }

        public abstract bool CanWrite { get; }

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public virtual int ReadTimeout
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public virtual int WriteTimeout
        {
            get
            {
                throw null;
            }
            set
            {
                throw null;
            }
        }

        public virtual void Close()
        {
            throw null;
        }

        public void CopyTo(Stream destination)
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

        public abstract void Flush();

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract int Read(SpanByte buffer);

        public abstract int Read(byte[] buffer, int offset, int count);

        public virtual int ReadByte()
        {
            throw null;
        }

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual void WriteByte(byte value)
        {
            throw null;
        }
    }
}
