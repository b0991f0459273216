namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// The test that writes the dashboard's screenshots into docs/screenshots: it runs only when asked
/// (NETWORKBOT_UPDATE_SCREENSHOTS=1), so an ordinary test run never changes files in the repository. Japanese names
/// need a CJK font for Chromium to draw them (apt-get install fonts-noto-cjk); without one they show as boxes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public const string Variable = "NETWORKBOT_UPDATE_SCREENSHOTS";

    public ScreenshotFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"writes docs/screenshots only when asked: {Variable}=1";
        }
        else if (!ChromiumAvailability.IsAvailable)
        {
            Skip = ChromiumAvailability.Explanation;
        }
    }
}
