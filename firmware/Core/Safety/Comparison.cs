namespace BmsGuard.Core.Safety
{
    /// <summary>Comparison operators of interlock conditions, on exact fixed-point physical values.</summary>
    public static class Comparison
    {
        /// <summary><c>==</c></summary>
        public const int Equal = 0;

        /// <summary><c>!=</c></summary>
        public const int NotEqual = 1;

        /// <summary><c>&lt;</c></summary>
        public const int Less = 2;

        /// <summary><c>&lt;=</c></summary>
        public const int LessOrEqual = 3;

        /// <summary><c>&gt;</c></summary>
        public const int Greater = 4;

        /// <summary><c>&gt;=</c></summary>
        public const int GreaterOrEqual = 5;

        /// <summary>The operator's symbol, e.g. "&lt;=".</summary>
        public static string Symbol(int op)
        {
            switch (op)
            {
                case Equal: return "==";
                case NotEqual: return "!=";
                case Less: return "<";
                case LessOrEqual: return "<=";
                case Greater: return ">";
                case GreaterOrEqual: return ">=";
                default: return "?";
            }
        }

        /// <summary>The operator written as <paramref name="symbol"/>, or -1.</summary>
        public static int Parse(string symbol)
        {
            for (int op = Equal; op <= GreaterOrEqual; op++)
            {
                if (Symbol(op) == symbol)
                {
                    return op;
                }
            }

            return -1;
        }

        /// <summary>True when <paramref name="value"/> op <paramref name="threshold"/> holds.</summary>
        public static bool Holds(int op, long value, long threshold)
        {
            switch (op)
            {
                case Equal: return value == threshold;
                case NotEqual: return value != threshold;
                case Less: return value < threshold;
                case LessOrEqual: return value <= threshold;
                case Greater: return value > threshold;
                case GreaterOrEqual: return value >= threshold;
                default: return false;
            }
        }
    }
}
