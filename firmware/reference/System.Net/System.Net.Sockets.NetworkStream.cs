// Public surface of System.Net.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.Runtime.Events;

namespace System.Net.Sockets
{
    public class NetworkStream : Stream
    {
        protected int _socketType;

        protected EndPoint _remoteEndPoint;

        protected bool _disposed;

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

        public override bool CanTimeout
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

        public override int ReadTimeout
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

        public override int WriteTimeout
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

        public virtual bool DataAvailable
        {
            get
            {
                throw null;
            }
        }

        public NetworkStream(Socket socket)
            : this(default(System.Net.Sockets.Socket), default(bool))
        {
            throw null;
        }

        public NetworkStream(Socket socket, bool ownsSocket)
        {
            throw null;
        }

        public void Close(int timeout)
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

        public override int Read(SpanByte buffer)
        {
            throw null;
        }
    }
}
