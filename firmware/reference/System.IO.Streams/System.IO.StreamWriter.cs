// Public surface of System.IO.Streams.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace System.IO
{
    public class StreamWriter : TextWriter
    {
        public virtual Stream BaseStream { get; }

        public override Encoding Encoding
        {
            get
            {
                throw null;
            }
        }

        public override string NewLine
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

        public StreamWriter(Stream stream, bool leaveOpen = false)
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

        public override void Write(char value)
        {
            throw null;
        }

        public override void Write(string value)
        {
            throw null;
        }

        public override void WriteLine()
        {
            throw null;
        }

        public override void WriteLine(string value)
        {
            throw null;
        }
    }
}
