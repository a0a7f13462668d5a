using System.Collections;
using TestFrameworkShared;
using Xunit;
using Nano = nanoFramework.TestFramework;

namespace BmsGuard.Tests.NanoTests;

/// <summary>The host stand-in of nanoFramework.TestFramework fails when the real one does, with useful messages.</summary>
public sealed class TestFrameworkStandInTests
{
    [Fact]
    public void AreEqualNamesBothValuesAndTheCheckedExpression()
    {
        int actual = 2;
        AssertFailedException ex = Assert.Throws<AssertFailedException>(() => Nano.Assert.AreEqual(1, actual));
        Assert.Equal("Assert.AreEqual failed. Expected:<1>. Actual:<2>. actual", ex.Message);
        Nano.Assert.AreEqual(2, actual);
    }

    [Fact]
    public void AreEqualOverloadsCompareByValue()
    {
        Nano.Assert.AreEqual(0x7FFu, 0x7FFu);
        Nano.Assert.AreEqual(5L, 5L);
        Nano.Assert.AreEqual((byte)7, (byte)7);
        Nano.Assert.AreEqual("rule", "rule");
        Nano.Assert.AreEqual(true, true);
        Nano.Assert.AreEqual((object)"x", (object)"x");
        Assert.Throws<AssertFailedException>(() => Nano.Assert.AreEqual((object)1, (object)1L));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.AreEqual("Rule", "rule"));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.AreNotEqual(3u, 3u));
        Nano.Assert.AreNotEqual(3, 4);
    }

    [Fact]
    public void BooleanAndNullChecksFailWithTheExpression()
    {
        bool open = false;
        Assert.Equal("Assert.IsTrue failed. open", Assert.Throws<AssertFailedException>(() => Nano.Assert.IsTrue(open)).Message);
        Assert.Throws<AssertFailedException>(() => Nano.Assert.IsFalse(!open));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.IsNull(new object()));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.IsNotNull(null));
        Assert.Equal("Assert.IsTrue failed. why", Assert.Throws<AssertFailedException>(() => Nano.Assert.IsTrue(false, "why")).Message);
    }

    [Fact]
    public void ThrowsExceptionWantsExactlyThatType()
    {
        Nano.Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentException());
        AssertFailedException derived = Assert.Throws<AssertFailedException>(
            () => Nano.Assert.ThrowsException(typeof(ArgumentException), () => throw new ArgumentNullException()));
        Assert.Contains("Threw exception ArgumentNullException, but exception ArgumentException was expected.", derived.Message);
        AssertFailedException none = Assert.Throws<AssertFailedException>(
            () => Nano.Assert.ThrowsException(typeof(ArgumentException), () => { }));
        Assert.StartsWith("Assert.ThrowsException failed. No exception thrown. ArgumentException exception was expected.", none.Message);
    }

    [Fact]
    public void SameAndTypeChecks()
    {
        object a = new();
        Nano.Assert.AreSame(a, a);
        Nano.Assert.AreNotSame(a, new object());
        Assert.Throws<AssertFailedException>(() => Nano.Assert.AreSame(a, new object()));
        Assert.Contains("Do not pass value types", Assert.Throws<AssertFailedException>(() => Nano.Assert.AreSame(1, 1)).Message);
        Nano.Assert.IsInstanceOfType(new ArgumentException(), typeof(ArgumentException));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.IsInstanceOfType(new ArgumentNullException(), typeof(ArgumentException)));
        Nano.Assert.IsNotInstanceOfType(new ArgumentNullException(), typeof(ArgumentException));
    }

    [Fact]
    public void StringChecksAreOrdinalAndQuoteBothStrings()
    {
        Nano.Assert.Contains("id=", "rule a id=0x1");
        Nano.Assert.StartsWith("rule", "rule a id=0x1");
        Nano.Assert.EndsWith("0x1", "rule a id=0x1");
        Nano.Assert.DoesNotContains("ext", "rule a id=0x1");
        AssertFailedException ex = Assert.Throws<AssertFailedException>(() => Nano.Assert.Contains("mask", "rule a"));
        Assert.Equal("Assert.Contains failed. 'rule a' does not contain 'mask'. ", ex.Message);
        Assert.Throws<AssertFailedException>(() => Nano.Assert.EndsWith("a id=0x1", "0x1"));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.StartsWith("Rule", "rule"));
        Assert.Throws<AssertFailedException>(() => Nano.Assert.Contains("x", null!));
    }

    [Fact]
    public void CollectionAssertComparesElementByElement()
    {
        Nano.CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 });
        AssertFailedException ex = Assert.Throws<AssertFailedException>(
            () => Nano.CollectionAssert.AreEqual(new byte[] { 1, 2, 3 }, new byte[] { 1, 9, 3 }));
        Assert.Contains("Element at index 1 do not match. Expected:<2>. Actual:<9>.", ex.Message);
        Assert.Contains("Different number of elements", Assert.Throws<AssertFailedException>(
            () => Nano.CollectionAssert.AreEqual(new[] { 1 }, new[] { 1, 2 })).Message);
        Nano.CollectionAssert.AreNotEqual(new[] { 1 }, new[] { 2 });
        Nano.CollectionAssert.Empty(new ArrayList());
        Assert.Throws<AssertFailedException>(() => Nano.CollectionAssert.NotEmpty(Array.Empty<int>()));
    }

    [Fact]
    public void SkipTestAndDataRowBehaveLikeThePackage()
    {
        Assert.Equal("not on this board", Assert.Throws<Nano.SkipTestException>(() => Nano.Assert.SkipTest("not on this board")).Message);
        Assert.Throws<ArgumentException>(() => new Nano.DataRowAttribute());
        Assert.Equal(new object[] { 1, "a" }, new Nano.DataRowAttribute(1, "a").MethodParameters);
    }
}
