// Public surface of nanoFramework.System.Collections.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace System.Collections
{
    [Serializable]
    public class DictionaryEntry
    {
        public object Key;

        public object Value;

        public DictionaryEntry(object key, object value)
        {
            throw null;
        }
    }
}
