// Public surface of nanoFramework.System.Collections.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Collections
{
    [Serializable]
    public class Hashtable : ICloneable, IDictionary, ICollection, IEnumerable
    {
        public int Count
        {
            get
            {
                throw null;
            }
        }

        public bool IsSynchronized
        {
            get
            {
                throw null;
            }
        }

        public object SyncRoot
        {
            get
            {
                throw null;
            }
        }

        public bool IsReadOnly
        {
            get
            {
                throw null;
            }
        }

        public bool IsFixedSize
        {
            get
            {
                throw null;
            }
        }

        public ICollection Keys
        {
            get
            {
                throw null;
            }
        }

        public ICollection Values
        {
            get
            {
                throw null;
            }
        }

        public object this[object key]
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

        public Hashtable()
            : this(default(int), default(float))
        {
            throw null;
        }

        public Hashtable(int capacity)
            : this(default(int), default(float))
        {
            throw null;
        }

        public Hashtable(int capacity, float loadFactor)
        {
            throw null;
        }

        public object Clone()
        {
            throw null;
        }

        public IEnumerator GetEnumerator()
        {
            throw null;
        }

        public void CopyTo(Array array, int arrayIndex)
        {
            throw null;
        }

        public void Add(object key, object value)
        {
            throw null;
        }

        public void Clear()
        {
            throw null;
        }

        public bool Contains(object key)
        {
            throw null;
        }

        public void Remove(object key)
        {
            throw null;
        }
    }
}
