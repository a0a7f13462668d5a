namespace nanoFramework.TestFramework
{
    /// <summary>Writes messages from unit tests to the test output (the console; the host bridge captures it).</summary>
    public static class OutputHelper
    {
        /// <summary>Writes a message to the test output.</summary>
        /// <param name="message">A message to write.</param>
        public static void Write(string message) => System.Console.Write(message);

        /// <summary>Writes a message followed by a line terminator to the test output.</summary>
        /// <param name="message">A message to write.</param>
        public static void WriteLine(string message) => System.Console.WriteLine(message);
    }
}
