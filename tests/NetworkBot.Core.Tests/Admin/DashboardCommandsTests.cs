using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NetworkBot.Core.Admin;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Tests.Commands;
using NetworkBot.Core.Web;

namespace NetworkBot.Core.Tests.Admin;

/// <summary><c>/admin dashboard</c>: a one-time sign-in link for the calling manager, stored only as its hash.</summary>
public sealed partial class DashboardCommandsTests : CommandTestBase
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(new WebLinks(() => "https://bot.example.com/"));

    [Fact]
    public async Task A_manager_gets_a_private_link_that_signs_them_in_to_this_community_for_ten_minutes()
    {
        var reply = await Harness.TypeAsync("mana", "/admin dashboard");

        Assert.False(reply.IsError, reply.Text);
        Assert.Equal(Visibility.Private, reply.Visibility);
        var token = Link().Match(reply.Text).Groups[1].Value;
        Assert.Equal(43, token.Length);
        Assert.Contains(TimeToken.Full(CommandHarness.Start + TimeSpan.FromMinutes(10)), reply.Text);
        var link = await Harness.Store.RedeemSignInLinkAsync(DashboardToken.Hash(token), CommandHarness.Start.AddMinutes(10).AddSeconds(-1), CancellationToken.None);
        Assert.NotNull(link);
        Assert.Equal((CommandHarness.Community, new MemberId("mana"), CommandHarness.Start + DashboardCommands.LinkLifetime), (link.Community, link.Manager, link.ExpiresAt));
    }

    [Fact]
    public async Task Each_call_gives_a_new_link()
    {
        var first = Link().Match((await Harness.TypeAsync("mana", "/admin dashboard")).Text).Groups[1].Value;
        var second = Link().Match((await Harness.TypeAsync("mana", "/admin dashboard")).Text).Groups[1].Value;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task A_member_who_is_no_manager_is_refused_without_a_link()
    {
        var reply = await RefusedAndUnchangedAsync("aiko", "/admin dashboard");

        Assert.DoesNotMatch(Link(), reply.Text);
    }

    [Fact]
    public async Task The_answer_is_in_the_managers_language()
    {
        var reply = await Harness.TypeAsync("mana", "/admin dashboard", Language.Ja);

        Assert.StartsWith("Test のダッシュボードへのサインイン用リンクです", reply.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https://bot\.example\.com/dashboard/sign-in\?token=([A-Za-z0-9_-]+)$")]
    private static partial Regex Link();
}
