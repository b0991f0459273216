namespace NetworkBot.Discord.Gateway;

/// <summary>Connection properties of Identify (the deprecated <c>$os</c> spelling is not used).</summary>
public sealed record IdentifyProperties(string Os, string Browser, string Device)
{
    public static IdentifyProperties NetworkBot { get; } = new(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "networkbot", "networkbot");
}
