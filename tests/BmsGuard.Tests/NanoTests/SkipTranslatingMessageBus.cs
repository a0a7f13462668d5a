using nanoFramework.TestFramework;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace BmsGuard.Tests.NanoTests;

/// <summary>
/// Passes xunit messages through, replacing a test failure caused by <see cref="SkipTestException"/>
/// with a skip that carries the exception's message as the reason.
/// </summary>
public sealed class SkipTranslatingMessageBus : IMessageBus
{
    private static readonly string SkipExceptionName = typeof(SkipTestException).FullName!;
    private readonly IMessageBus _inner;
    private int _skipped;

    public SkipTranslatingMessageBus(IMessageBus inner)
    {
        _inner = inner;
    }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == SkipExceptionName)
        {
            _skipped++;
            string reason = failed.Messages.Length > 0 && !string.IsNullOrEmpty(failed.Messages[0])
                ? failed.Messages[0]
                : "skipped by Assert.SkipTest";
            return _inner.QueueMessage(new TestSkipped(failed.Test, reason));
        }

        return _inner.QueueMessage(message);
    }

    /// <summary>Moves the translated failures from the failed to the skipped count.</summary>
    public RunSummary Adjust(RunSummary summary)
    {
        summary.Failed -= _skipped;
        summary.Skipped += _skipped;
        return summary;
    }

    public void Dispose()
    {
        // The inner bus belongs to the caller.
    }
}
