using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkBot.Slack.WebApi;

namespace NetworkBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Binds the <c>Slack</c> section. Socket Mode, HTTP mode and the Web API client register here as they arrive.</summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.Section)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Slack:ApiBaseUrl must be an absolute URL such as https://slack.com/api/.")
            .Validate(o => o.BotToken is null || o.BotToken.StartsWith("xoxb-", StringComparison.Ordinal), "Slack:BotToken must be a bot token (it starts with xoxb-).")
            .Validate(o => o.AppToken is null || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal), "Slack:AppToken must be an app-level token (it starts with xapp-).")
            .ValidateOnStart();
        builder.Services.AddSlackWebApi();
        return builder;
    }
}
