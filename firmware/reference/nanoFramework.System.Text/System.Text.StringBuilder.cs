// Public surface of nanoFramework.System.Text.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System.Text
{
    public sealed class StringBuilder
    {
        public int MaxCapacity
        {
            get
            {
                throw null;
            }
        }

        public char this[int index]
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

        public int Capacity
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

        public int Length
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

        public StringBuilder(string value, int startIndex, int length, int capacity)
        {
            throw null;
        }

        public StringBuilder(string value, int capacity)
            : this(default(string), default(int), default(int), default(int))
        {
            throw null;
        }

        public StringBuilder(int capacity, int maxCapacity)
        {
            throw null;
        }

        public StringBuilder(int capacity)
            : this(default(string), default(int))
        {
            throw null;
        }

        public StringBuilder(string value)
            : this(default(string), default(int))
        {
            throw null;
        }

        public StringBuilder()
            : this(default(int))
        {
            throw null;
        }

        public StringBuilder Append(bool value)
        {
            throw null;
        }

        public StringBuilder Append(byte value)
        {
            throw null;
        }

        public StringBuilder Append(char value)
        {
            throw null;
        }

        public StringBuilder Append(double value)
        {
            throw null;
        }

        public StringBuilder Append(short value)
        {
            throw null;
        }

        public StringBuilder Append(char[] value)
        {
            throw null;
        }

        public StringBuilder Append(int value)
        {
            throw null;
        }

        public StringBuilder Append(long value)
        {
            throw null;
        }

        public StringBuilder Append(object value)
        {
            throw null;
        }

        public StringBuilder Append(string value)
        {
            throw null;
        }

        public StringBuilder Append(sbyte value)
        {
            throw null;
        }

        public StringBuilder Append(float value)
        {
            throw null;
        }

        public StringBuilder Append(ushort value)
        {
            throw null;
        }

        public StringBuilder Append(uint value)
        {
            throw null;
        }

        public StringBuilder Append(ulong value)
        {
            throw null;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            throw null;
        }

        public StringBuilder Append(char[] value, int startIndex, int charCount)
        {
            throw null;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            throw null;
        }

        public StringBuilder Remove(int startIndex, int length)
        {
            throw null;
        }

        public StringBuilder Insert(int index, string value, int count)
        {
            throw null;
        }

        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount)
        {
            throw null;
        }

        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count)
        {
            throw null;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            throw null;
        }

        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count)
        {
            throw null;
        }

        public StringBuilder Replace(string oldValue, string newValue)
        {
            throw null;
        }

        public StringBuilder Clear()
        {
            throw null;
        }

        public override string ToString()
        {
            throw null;
        }

        public string ToString(int startIndex, int length)
        {
            throw null;
        }

        public StringBuilder AppendLine(string str)
        {
            throw null;
        }

        public StringBuilder AppendLine()
        {
            throw null;
        }
    }
}
