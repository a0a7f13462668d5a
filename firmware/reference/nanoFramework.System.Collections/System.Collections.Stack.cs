// Public surface of nanoFramework.System.Collections.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Collections
{
    [Serializable]
    public class Stack : ICollection, IEnumerable, ICloneable
    {
        public virtual int Count
        {
            get
            {
                throw null;
            }
        }

        public virtual bool IsSynchronized
        {
            get
            {
                throw null;
            }
        }

        public virtual object SyncRoot
        {
            get
            {
                throw null;
            }
        }

        public Stack()
        {
            throw null;
        }

        public virtual void Clear()
        {
            throw null;
        }

        public virtual object Clone()
        {
            throw null;
        }

        public virtual bool Contains(object obj)
        {
            throw null;
        }

        public virtual void CopyTo(Array array, int index)
        {
            throw null;
        }

        public virtual IEnumerator GetEnumerator()
        {
            throw null;
        }

        public virtual object Peek()
        {
            throw null;
        }

        public virtual object Pop()
        {
            throw null;
        }

        public virtual void Push(object obj)
        {
            throw null;
        }

        public virtual object[] ToArray()
        {
            throw null;
        }
    }
}
