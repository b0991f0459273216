namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// A test that needs Chromium: skipped, with how to enable it, where there is none — except in CI (CI=true), where it
/// runs and fails, because CI is required to run every browser test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ChromiumAvailability.IsAvailable && !ChromiumAvailability.RunsInCi)
        {
            Skip = ChromiumAvailability.Explanation;
        }
    }
}
