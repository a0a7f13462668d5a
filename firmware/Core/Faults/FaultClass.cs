namespace BmsGuard.Core.Faults
{
    /// <summary>
    /// What kind of exception a step of the device's main loop threw, told by type tests, not by reflection
    /// (cheap, and the same on every runtime). Values are stored in audit records: never renumber.
    /// </summary>
    public static class FaultClass
    {
        /// <summary>Any exception none of the classes below names.</summary>
        public const int Other = 0;

        /// <summary>The managed heap had no room even after a collection.</summary>
        public const int OutOfMemory = 1;

        /// <summary>A file, flash or stream failed.</summary>
        public const int Io = 2;

        /// <summary>An argument was refused (includes null and out-of-range arguments).</summary>
        public const int Argument = 3;

        /// <summary>An object was used in a state that does not allow it (includes a disposed one).</summary>
        public const int InvalidOperation = 4;

        /// <summary>A null reference was followed: a defect.</summary>
        public const int NullReference = 5;

        /// <summary>An array was indexed out of its bounds: a defect.</summary>
        public const int IndexOutOfRange = 6;

        /// <summary>The runtime or a driver does not support what was asked.</summary>
        public const int NotSupported = 7;

        /// <summary>Number of classes; counters are indexed by the class value.</summary>
        public const int Count = 8;

        private static readonly string[] Names = new string[]
        {
            "other",
            "out-of-memory",
            "io",
            "argument",
            "invalid-operation",
            "null-reference",
            "index-out-of-range",
            "not-supported",
        };

        /// <summary>The class of <paramref name="fault"/>.</summary>
        public static int Of(System.Exception fault)
        {
            if (fault is System.OutOfMemoryException)
            {
                return OutOfMemory;
            }

            if (fault is System.IO.IOException)
            {
                return Io;
            }

            if (fault is System.ArgumentException)
            {
                return Argument;
            }

            // nanoFramework's ObjectDisposedException derives from SystemException, not, as on .NET, from
            // InvalidOperationException: both are named.
            if (fault is System.InvalidOperationException || fault is System.ObjectDisposedException)
            {
                return InvalidOperation;
            }

            if (fault is System.NullReferenceException)
            {
                return NullReference;
            }

            if (fault is System.IndexOutOfRangeException)
            {
                return IndexOutOfRange;
            }

            return fault is System.NotSupportedException ? NotSupported : Other;
        }

        /// <summary>Printable name of a class ("class-N" for unknown values).</summary>
        public static string Name(int faultClass)
        {
            return faultClass >= 0 && faultClass < Count ? Names[faultClass] : "class-" + faultClass.ToString();
        }

        /// <summary>The class a printed name stands for; -1 when it names none.</summary>
        public static int Parse(string name)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
