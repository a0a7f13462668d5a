// Public surface of System.IO.Streams.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace System.IO
{
    public class MemoryStream : Stream
    {
        public override bool CanRead
        {
            get
            {
                throw null;
            }
        }

        public override bool CanSeek
        {
            get
            {
                throw null;
            }
        }

        public override bool CanWrite
        {
            get
            {
                throw null;
            }
        }

        public override long Length
        {
            get
            {
                throw null;
            }
        }

        public override long Position
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

        public MemoryStream()
        {
            throw null;
        }

        public MemoryStream(byte[] buffer)
            : this(default(byte[]), default(bool))
        {
            throw null;
        }

        public MemoryStream(byte[] buffer, bool isWritable)
        {
            throw null;
        }

        protected override void Dispose(bool disposing)
        {
            throw null;
        }

        public override void Flush()
        {
            throw null;
        }

        public virtual byte[] GetBuffer()
        {
            throw null;
        }

        public override int Read(SpanByte buffer)
        {
            throw null;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw null;
        }

        public override int ReadByte()
        {
            throw null;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw null;
        }

        public override void SetLength(long value)
        {
            throw null;
        }

        public virtual byte[] ToArray()
        {
            throw null;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw null;
        }

        public override void WriteByte(byte value)
        {
            throw null;
        }

        public virtual void WriteTo(Stream stream)
        {
            throw null;
        }
    }
}
