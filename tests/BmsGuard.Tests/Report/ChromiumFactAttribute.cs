using Xunit;

namespace BmsGuard.Tests.Report;

/// <summary>A fact that opens a page in headless chromium: skipped with a hint when it is not installed, unless CI requires it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Path == null && !HeadlessChromium.Required)
        {
            Skip = "chromium is not installed (apt-get install chromium); CI sets BMSGUARD_REQUIRE_CHROMIUM=1";
        }
    }
}
