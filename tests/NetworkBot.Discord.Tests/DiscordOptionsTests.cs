using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace NetworkBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private static DiscordOptions Bind(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddDiscord();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
    }

    [Fact]
    public void Discord_is_off_without_a_token_and_on_with_one()
    {
        Assert.False(Bind().IsEnabled);
        Assert.True(Bind(("Discord:Token", "abc.def")).IsEnabled);
    }

    [Fact]
    public void The_api_base_url_defaults_to_discord_v10_and_can_point_at_a_fake()
    {
        Assert.Equal(new Uri("https://discord.com/api/v10"), Bind().ApiBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:5055/api/v10"), Bind(("Discord:ApiBaseUrl", "http://127.0.0.1:5055/api/v10")).ApiBaseUrl);
    }
}
