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
    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path)
        {
            throw null;
        }

        public static void Delete(string path)
        {
            throw null;
        }

        public static void Delete(string path, bool recursive)
        {
            throw null;
        }

        public static bool Exists(string path)
        {
            throw null;
        }

        public static string GetCurrentDirectory()
        {
            throw null;
        }

        public static string[] GetFiles(string path)
        {
            throw null;
        }

        public static string[] GetDirectories(string path)
        {
            throw null;
        }

        public static void Move(string sourceDirName, string destDirName)
        {
            throw null;
        }

        public static void SetCurrentDirectory(string path)
        {
            throw null;
        }
    }
}
