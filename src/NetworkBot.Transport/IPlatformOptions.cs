namespace NetworkBot.Transport;

/// <summary>What every platform's configuration section has; see <see cref="PlatformServiceCollectionExtensions.AddPlatformOptions{TOptions}"/>.</summary>
public interface IPlatformOptions
{
    /// <summary>Where the platform's API is; tests point it at a loopback fake. Its default is the real one.</summary>
    Uri ApiBaseUrl { get; }

    /// <summary>Whether the platform is configured (its token set); nothing of it runs otherwise.</summary>
    bool IsEnabled { get; }
}
