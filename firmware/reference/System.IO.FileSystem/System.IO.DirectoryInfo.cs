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
    public sealed class DirectoryInfo : FileSystemInfo
    {
        public override string Name
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

        public DirectoryInfo Root
        {
            get
            {
                throw null;
            }
        }

        public DirectoryInfo Parent
        {
            get
            {
                throw null;
            }
        }

        public DirectoryInfo(string path)
        {
            throw null;
        }

        public void Create()
        {
            throw null;
        }

        public DirectoryInfo CreateSubdirectory(string path)
        {
            throw null;
        }

        public FileInfo[] GetFiles()
        {
            throw null;
        }

        public DirectoryInfo[] GetDirectories()
        {
            throw null;
        }

        public void MoveTo(string destDirName)
        {
            throw null;
        }

        public override void Delete()
        {
            throw null;
        }

        public void Delete(bool recursive)
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
