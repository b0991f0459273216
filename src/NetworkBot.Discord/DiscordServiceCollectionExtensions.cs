using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NetworkBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Binds the <c>Discord</c> section. The gateway and REST clients register here as they arrive.</summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.Section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Discord:ApiBaseUrl must be an absolute URL such as https://discord.com/api/v10.")
            .ValidateOnStart();
        return builder;
    }
}
