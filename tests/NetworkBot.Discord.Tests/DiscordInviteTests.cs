using System.Globalization;
using System.Web;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Tests;

public sealed class DiscordInviteTests
{
    private static ulong PermissionsOf(Uri invite) =>
        ulong.Parse(HttpUtility.ParseQueryString(invite.Query)["permissions"]!, CultureInfo.InvariantCulture);

    [Fact]
    public void The_invite_adds_the_bot_with_its_commands()
    {
        var invite = DiscordInvite.For(new Snowflake(845027738276462632));
        var query = HttpUtility.ParseQueryString(invite.Query);

        Assert.Equal("https://discord.com/oauth2/authorize", invite.GetLeftPart(UriPartial.Path));
        Assert.Equal("845027738276462632", query["client_id"]);
        Assert.Equal("bot applications.commands", query["scope"]);
    }

    [Theory]
    [InlineData(1UL << 10, "view channels")]
    [InlineData(1UL << 11, "send messages")]
    [InlineData(1UL << 28, "manage roles, for interest roles")]
    [InlineData(1UL << 4, "manage channels, for interest channels")]
    [InlineData(1UL << 36, "create private threads, for coffee groups")]
    [InlineData(1UL << 38, "send messages in threads")]
    [InlineData(1UL << 44, "create events")]
    public void The_invite_asks_for_what_the_bot_uses(ulong bit, string why)
    {
        Assert.True((PermissionsOf(DiscordInvite.For(new Snowflake(1))) & bit) == bit, why);
    }

    [Theory]
    [InlineData(1UL << 3, "administrator")]
    [InlineData(1UL << 17, "mention everyone")]
    [InlineData(1UL << 13, "manage messages")]
    [InlineData(1UL << 1, "kick members")]
    [InlineData(1UL << 2, "ban members")]
    [InlineData(1UL << 5, "manage server")]
    public void The_invite_never_asks_for_more(ulong bit, string what)
    {
        Assert.True((PermissionsOf(DiscordInvite.For(new Snowflake(1))) & bit) == 0, what);
    }
}
