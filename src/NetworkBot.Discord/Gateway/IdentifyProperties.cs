namespace NetworkBot.Discord.Gateway;

/// <summary>Connection properties of Identify (the deprecated <c>$os</c> spelling is not used).</summary>
public sealed record IdentifyProperties(string Os, string Browser, string Device)
{
    public static IdentifyProperties NetworkBot { get; } = new(OperatingSystemName(), "networkbot", "networkbot");

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux"
        : OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : "other";
}
