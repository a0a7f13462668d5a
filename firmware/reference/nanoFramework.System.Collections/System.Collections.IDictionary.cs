// Public surface of nanoFramework.System.Collections.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Collections
{
    public interface IDictionary : ICollection, IEnumerable
    {
        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        ICollection Keys { get; }

        ICollection Values { get; }

        object this[object key] { get; set; }

        void Add(object key, object value);

        void Clear();

        bool Contains(object key);

        void Remove(object key);
    }
}
