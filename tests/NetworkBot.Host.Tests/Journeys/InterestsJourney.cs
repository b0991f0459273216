using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Texts;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// An interest group: created, its space then made on the platform by the outbox (Discord a role and a channel, Slack a channel) →
/// joined and left by command and by button (the list's choice, the answer's Leave/Join, App Home on Slack) →
/// membership stored and the platform asked to let each member in or out.
/// </summary>
internal static class InterestsJourney
{
    public static async Task WalkAsync(IJourneySurface s, CancellationToken ct)
    {
        await s.StartAsync("Mana", ct);
        await Journey.OkAsync(s, "Mana", "/admin interests create rust description:\"Systems programming\"", ct);
        var rust = await SpaceMadeAsync(s, "rust", ct);
        Assert.Equal(s.InterestSpace, (rust.RoleRef is not null, rust.ChannelRef is not null));

        // Aiko joins by command, Ben by picking the group in the list.
        await Journey.OkAsync(s, "Aiko", "/interests join rust", ct);
        Assert.Contains(s.Id("Aiko"), await MembersAsync(s, rust, ct));
        await s.SpaceChangedAsync("Aiko", rust, joined: true, ct);
        var list = await Journey.OkAsync(s, "Ben", "/interests list", ct);
        var joined = await s.PressAsync("Ben", list, "rust", ct);
        Assert.Contains(s.Id("Ben"), await MembersAsync(s, rust, ct));
        await s.SpaceChangedAsync("Ben", rust, joined: true, ct);

        // Aiko leaves by command; Ben with the Leave button of his answer, and comes back with its Join.
        await Journey.OkAsync(s, "Aiko", "/interests leave rust", ct);
        Assert.DoesNotContain(s.Id("Aiko"), await MembersAsync(s, rust, ct));
        await s.SpaceChangedAsync("Aiko", rust, joined: false, ct);
        var left = await s.PressAsync("Ben", joined, Messages.ButtonLeave.En, ct);
        Assert.DoesNotContain(s.Id("Ben"), await MembersAsync(s, rust, ct));
        await s.SpaceChangedAsync("Ben", rust, joined: false, ct);
        await s.PressAsync("Ben", left, Messages.ButtonJoin.En, ct);
        Assert.Contains(s.Id("Ben"), await MembersAsync(s, rust, ct));

        // Where the app has a page of its own (Slack App Home), its buttons join and leave too.
        if (await s.HomeAsync("Chen", ct) is { } home)
        {
            Assert.Equal(Place.Home, home.Where);
            await s.PressAsync("Chen", home, Messages.SlackButtonJoinInterest.Format(Language.En, "rust"), ct);
            Assert.Contains(s.Id("Chen"), await MembersAsync(s, rust, ct));
            await s.SpaceChangedAsync("Chen", rust, joined: true, ct);
            var after = await s.HomeAsync("Chen", ct) ?? throw new Xunit.Sdk.XunitException("App Home disappeared.");
            await s.PressAsync("Chen", after, Messages.SlackButtonLeaveInterest.Format(Language.En, "rust"), ct);
            Assert.DoesNotContain(s.Id("Chen"), await MembersAsync(s, rust, ct));
        }
    }

    /// <summary>
    /// The group once the bot's outbox has made its space (at once where there are none): creating answers first and
    /// makes the role and channel afterwards, so the script waits as the manager does for the "ready" notice.
    /// </summary>
    private static async Task<Interest> SpaceMadeAsync(IJourneySurface s, string name, CancellationToken ct)
    {
        while (true)
        {
            var interest = await s.Store.GetInterestByNameAsync(s.Community, name, ct) ?? throw new Xunit.Sdk.XunitException($"{name} was not stored.");
            if (!interest.SpacePending)
            {
                return interest;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
        }
    }

    private static async Task<IReadOnlyList<MemberId>> MembersAsync(IJourneySurface s, Interest interest, CancellationToken ct) =>
        await s.Store.ListInterestMembersAsync(s.Community, interest.Id, ct);
}
