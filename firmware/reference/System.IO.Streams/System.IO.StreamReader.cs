// Public surface of System.IO.Streams.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace System.IO
{
    public class StreamReader : TextReader
    {
        public virtual Stream BaseStream { get; }

        public virtual Encoding CurrentEncoding
        {
            get
            {
                throw null;
            }
        }

        public bool EndOfStream
        {
            get
            {
                throw null;
            }
        }

        public StreamReader(Stream stream, bool leaveOpen = false)
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

        public override int Peek()
        {
            throw null;
        }

        public override int Read()
        {
            throw null;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            throw null;
        }

        public override string ReadLine()
        {
            throw null;
        }

        public override string ReadToEnd()
        {
            throw null;
        }
    }
}
