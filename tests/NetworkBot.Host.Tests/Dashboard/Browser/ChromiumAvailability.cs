namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// Where the browser tests get Chromium from: Debian's <c>chromium</c> package (<c>/usr/bin/chromium</c>), or the
/// executable NETWORKBOT_TEST_CHROMIUM names. Playwright drives it as it is: it never downloads a browser of its own
/// (the registry here serves none), and its driver ships in the package's output (<c>.playwright/node</c>).
/// </summary>
public static class ChromiumAvailability
{
    public const string ExecutableVariable = "NETWORKBOT_TEST_CHROMIUM";

    public const string DebianExecutable = "/usr/bin/chromium";

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } named ? named : DebianExecutable;

    public static bool IsAvailable => File.Exists(ExecutablePath);

    /// <summary>CI must run the browser tests (.ci/run installs chromium): there a missing browser fails them instead of skipping them.</summary>
    public static bool RunsInCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>One sentence for a skipped or failed test: what is missing and how to provide it.</summary>
    public static string Explanation =>
        $"Chromium is not available: no executable at {ExecutablePath}; to run the browser tests, apt-get install chromium or set {ExecutableVariable}.";
}
