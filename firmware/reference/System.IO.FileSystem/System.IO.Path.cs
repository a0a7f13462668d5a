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
    public static class Path
    {
        public static readonly char DirectorySeparatorChar;

        public static readonly char AltDirectorySeparatorChar;

        public static readonly char VolumeSeparatorChar;

        public static readonly char PathSeparator;

        public static string ChangeExtension(string path, string extension)
        {
            throw null;
        }

        public static string Combine(string path1, string path2)
        {
            throw null;
        }

        public static string GetDirectoryName(string path)
        {
            throw null;
        }

        [return: NotNullIfNotNull("path")]
        public static string GetExtension(string path)
        {
            throw null;
        }

        [return: NotNullIfNotNull("path")]
        public static string GetFileName(string path)
        {
            throw null;
        }

        [return: NotNullIfNotNull("path")]
        public static string GetFileNameWithoutExtension(string path)
        {
            throw null;
        }

        public static string GetFullPath(string path)
        {
            throw null;
        }

        public static char[] GetInvalidFileNameChars()
        {
            throw null;
        }

        public static char[] GetInvalidPathChars()
        {
            throw null;
        }

        public static string GetPathRoot(string path)
        {
            throw null;
        }

        public static bool HasExtension([NotNullWhen(true)] string path)
        {
            throw null;
        }

        public static bool IsPathRooted([NotNullWhen(true)] string path)
        {
            throw null;
        }
    }
}
