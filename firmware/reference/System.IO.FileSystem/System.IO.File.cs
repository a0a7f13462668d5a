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
    public static class File
    {
        public static StreamWriter AppendText(string path)
        {
            throw null;
        }

        public static void AppendAllText(string path, string contents)
        {
            throw null;
        }

        public static void Copy(string sourceFileName, string destFileName)
        {
            throw null;
        }

        public static void Copy(string sourceFileName, string destFileName, bool overwrite)
        {
            throw null;
        }

        public static FileStream Create(string path)
        {
            throw null;
        }

        public static FileStream Create(string path, int bufferSize)
        {
            throw null;
        }

        public static void Delete(string path)
        {
            throw null;
        }

        public static bool Exists(string path)
        {
            throw null;
        }

        public static FileAttributes GetAttributes(string path)
        {
            throw null;
        }

        public static void Move(string sourceFileName, string destFileName)
        {
            throw null;
        }

        public static FileStream Open(string path, FileMode mode)
        {
            throw null;
        }

        public static FileStream Open(string path, FileMode mode, FileAccess access)
        {
            throw null;
        }

        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share)
        {
            throw null;
        }

        public static FileStream OpenRead(string path)
        {
            throw null;
        }

        public static StreamReader OpenText(string path)
        {
            throw null;
        }

        public static FileStream OpenWrite(string path)
        {
            throw null;
        }

        public static byte[] ReadAllBytes(string path)
        {
            throw null;
        }

        public static string ReadAllText(string path)
        {
            throw null;
        }

        public static void SetAttributes(string path, FileAttributes fileAttributes)
        {
            throw null;
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            throw null;
        }

        public static void WriteAllText(string path, string contents)
        {
            throw null;
        }
    }
}
