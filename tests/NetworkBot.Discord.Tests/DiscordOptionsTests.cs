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

    [Theory]
    [InlineData("0", null, "both")]
    [InlineData(null, "2", "both")]
    [InlineData("2", "2", "below Discord:ShardCount")]
    [InlineData("0", "0", "at least 1")]
    public void Shard_settings_come_in_pairs_with_the_id_below_the_count(string? shardId, string? shardCount, string message)
    {
        var settings = new List<(string, string)>();
        if (shardId is not null)
        {
            settings.Add(("Discord:ShardId", shardId));
        }

        if (shardCount is not null)
        {
            settings.Add(("Discord:ShardCount", shardCount));
        }

        var error = Assert.Throws<OptionsValidationException>(() => Bind([.. settings]));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_shard_of_several_is_a_valid_setting()
    {
        var options = Bind(("Discord:ShardId", "2"), ("Discord:ShardCount", "3"));

        Assert.Equal((2, 3), (options.ShardId, options.ShardCount));
    }
}
