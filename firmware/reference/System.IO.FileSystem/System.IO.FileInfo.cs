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
    [Serializable]
    public sealed class FileInfo : FileSystemInfo
    {
        public override string Name
        {
            get
            {
                throw null;
            }
        }

        public long Length
        {
            get
            {
                throw null;
            }
        }

        public string DirectoryName
        {
            get
            {
                throw null;
            }
        }

        public DirectoryInfo Directory
        {
            get
            {
                throw null;
            }
        }

        public override bool Exists
        {
            get
            {
                throw null;
            }
        }

        public FileInfo(string fileName)
        {
            throw null;
        }

        public FileStream Create()
        {
            throw null;
        }

        public override void Delete()
        {
            throw null;
        }

        protected override void HandleRefreshError()
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }
    }
}
