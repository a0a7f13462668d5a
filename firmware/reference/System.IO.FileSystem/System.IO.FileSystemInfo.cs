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
    public abstract class FileSystemInfo : MarshalByRefObject
    {
        public FileAttributes Attributes
        {
            get
            {
                throw null;
            }
        }

        public virtual string FullName
        {
            get
            {
                throw null;
            }
        }

        public string Extension
        {
            get
            {
                throw null;
            }
        }

        public abstract bool Exists { get; }

        public abstract string Name { get; }

        public abstract void Delete();

        public virtual void Refresh()
        {
            throw null;
        }

        protected abstract void HandleRefreshError();
    }
}
