using Microsoft.Playwright;

namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// The one headless Chromium of the browser tests (see <see cref="BrowserCollection"/>), driven by Playwright. Each test
/// opens a context of its own (cookies, JavaScript on or off), so tests share the process, never a session.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>The browser; where there is none (a test then runs only in CI) it fails with what is missing.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException(ChromiumAvailability.Explanation);

    /// <summary>Starts nothing where Chromium is missing: those tests are skipped, or in CI fail when they ask for the browser.</summary>
    public async Task InitializeAsync()
    {
        if (!ChromiumAvailability.IsAvailable)
        {
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumAvailability.ExecutablePath,
            Headless = true,

            // Chromium's sandbox refuses to start as root (containers, CI); as any other user it stays on.
            Args = Environment.IsPrivilegedProcess ? ["--no-sandbox"] : [],
        });
    }

    /// <summary>A fresh context, light, 1280 px wide, in the tests' time zone; <paramref name="javaScript"/> off proves the pages need none.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = ColorScheme.Light,
            AcceptDownloads = true,
            TimezoneId = "Asia/Tokyo",
        });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
