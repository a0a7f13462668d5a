// Public surface of System.IO.FileSystem.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using nanoFramework.Runtime.Events;
using nanoFramework.System.IO.FileSystem;

namespace System.IO
{
    public class FileStream : Stream
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

        public string Name
        {
            get
            {
                throw null;
            }
        }

        public FileStream(string path, FileMode mode)
            : this(default(string), default(System.IO.FileMode), default(System.IO.FileAccess), default(System.IO.FileShare), default(int))
        {
            throw null;
        }

        public FileStream(string path, FileMode mode, FileAccess access)
            : this(default(string), default(System.IO.FileMode), default(System.IO.FileAccess), default(System.IO.FileShare), default(int))
        {
            throw null;
        }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share)
            : this(default(string), default(System.IO.FileMode), default(System.IO.FileAccess), default(System.IO.FileShare), default(int))
        {
            throw null;
        }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            throw null;
        }

        public override void Close()
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

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw null;
        }

        public override int Read(SpanByte buffer)
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

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw null;
        }

        public override void WriteByte(byte value)
        {
            throw null;
        }
    }
}
