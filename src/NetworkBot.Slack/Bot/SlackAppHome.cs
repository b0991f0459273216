using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Storage;
using NetworkBot.Core.Texts;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.WebApi;
using static NetworkBot.Slack.Inbound.SlackJson;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// The Events API side of the bot: the App Home tab (<c>app_home_opened</c> → <c>views.publish</c>) with the member's
/// introduction, coffee-chat status and interest groups, each with its buttons; and a welcome DM with an opt-in
/// prompt for a new workspace member (<c>team_join</c>); a member deactivated in the workspace (<c>user_change</c> with
/// <c>deleted</c>) has their coffee chats paused and their data waits out the retention period, until they are back
/// (<c>user_change</c> undeleted, or <c>team_join</c>); someone new joining one of the community's channels
/// (<c>member_joined_channel</c>) is welcomed too.
/// </summary>
public sealed partial class SlackAppHome(
    CommandDispatcher dispatcher,
    IStore store,
    SlackApiClient api,
    SlackCallers callers,
    IEnumerable<IAppHomeSection> sections,
    Departures departures,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackAppHome> logger)
{
    /// <summary>Interest groups shown with a join or leave button; the rest are a <c>/network interests list</c> away.</summary>
    public const int MaxInterestButtons = 10;

    /// <summary>The outbox key of a member's welcome, before their Slack user id: one welcome per member, ever.</summary>
    public const string WelcomeKeyPrefix = "slack-welcome:";

    private static readonly int[] PauseWeeks = [1, 2, 4];

    /// <summary>An Events API body (<c>event_callback</c>).</summary>
    public async Task OnEventAsync(JsonElement payload, CancellationToken ct)
    {
        if (String(payload, "team_id") is not { } team || !payload.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (String(e, "type"))
        {
            case "app_home_opened" when String(e, "tab") is null or "home" && String(e, "user") is { } user:
                await PublishAsync(team, user, ct).ConfigureAwait(false);
                break;
            case "team_join" when e.TryGetProperty("user", out var joined) && joined.ValueKind == JsonValueKind.Object:
                await ReturnedAsync(team, joined, ct).ConfigureAwait(false);
                await WelcomeAsync(team, joined, ct).ConfigureAwait(false);
                break;
            case "member_joined_channel" when String(e, "user") is { } user && String(e, "channel") is { } channel:
                await JoinedChannelAsync(team, user, channel, ct).ConfigureAwait(false);
                break;
            case "user_change" when e.TryGetProperty("user", out var changed) && changed.ValueKind == JsonValueKind.Object
                && changed.TryGetProperty("deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True && String(changed, "id") is { } left:
                await departures.LeftAsync(SlackPlatform.CommunityFor(team), new MemberId(left), ct).ConfigureAwait(false);
                break;
            case "user_change" when e.TryGetProperty("user", out var changed) && changed.ValueKind == JsonValueKind.Object:
                await ReturnedAsync(team, changed, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Draws the member's App Home afresh.</summary>
    public async Task PublishAsync(string team, string user, CancellationToken ct)
    {
        var community = SlackPlatform.CommunityFor(team);
        var id = new MemberId(user);
        var name = (await store.GetMemberAsync(community, id, ct).ConfigureAwait(false))?.DisplayName is { Length: > 0 } known
            ? known
            : (await callers.UserAsync(user, ct).ConfigureAwait(false))?.ShownName ?? string.Empty;

        // The status comes from Core's own command, so the home says exactly what /network coffee status says.
        var status = await dispatcher.HandleAsync(new CommandRequest(community, id, name, "coffee status", new Dictionary<string, string>()), ct).ConfigureAwait(false);
        var member = await store.GetMemberAsync(community, id, ct).ConfigureAwait(false);
        if (member is null)
        {
            return; // The store refused the caller; the dispatcher has logged why.
        }

        var language = await callers.LanguageAsync(community, id, ct).ConfigureAwait(false);
        var fields = new List<ReplyField>
        {
            new(Messages.SlackHomeIntroField.Get(language), member.Profile.IsEmpty ? Messages.SlackHomeNoIntro.Get(language) : IntroText(member, language)),
            new(status.Title ?? CoffeeTexts.CoffeeStatusTitle.Get(language), status.Text),
        };
        var buttons = new List<ReplyButton>(status.Buttons) { new(Messages.SlackButtonEditIntro.Get(language), CommandInvocation.Of("intro set")) };

        var interests = await InterestsAsync(member, language, ct).ConfigureAwait(false);
        fields.AddRange(interests.Fields);
        buttons.AddRange(interests.Buttons);
        foreach (var section in sections)
        {
            var more = await section.BuildAsync(member, language, ct).ConfigureAwait(false);
            fields.AddRange(more.Fields);
            buttons.AddRange(more.Buttons);
        }

        var home = new Reply(Messages.SlackHomeIntro.Format(language, options.Value.Command))
        {
            Title = "NetworkBot",
            Fields = fields,
            Buttons = buttons,
            Select = member.Coffee.Joined ? PauseSelect(language) : null,
        };
        await api.PublishViewAsync(user, SlackRenderer.RenderHome(home, options.Value.Command), ct).ConfigureAwait(false);
    }

    private async Task<AppHomeSection> InterestsAsync(Member member, Language language, CancellationToken ct)
    {
        var groups = await store.ListInterestsAsync(member.Community, includeArchived: false, ct).ConfigureAwait(false);
        if (groups.Count == 0)
        {
            return new AppHomeSection([], []);
        }

        var byMember = await store.ListInterestGroupNamesByMemberAsync(member.Community, ct).ConfigureAwait(false);
        var mine = new HashSet<string>(byMember.GetValueOrDefault(member.Id) ?? [], StringComparer.OrdinalIgnoreCase);
        var shown = groups.OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Take(MaxInterestButtons).ToList();
        var list = string.Join('\n', shown.Select(g => mine.Contains(g.Name) ? Messages.SlackHomeInterestMember.Format(language, g.Name) : g.Name));
        var buttons = shown.Select(g => mine.Contains(g.Name)
            ? new ReplyButton(Messages.SlackButtonLeaveInterest.Format(language, g.Name), CommandInvocation.Of("interests leave", (InterestOptions.Name.Name, g.Name)))
            : new ReplyButton(Messages.SlackButtonJoinInterest.Format(language, g.Name), CommandInvocation.Of("interests join", (InterestOptions.Name.Name, g.Name))));
        return new AppHomeSection([new(InterestTexts.InterestsTitle.Get(language), list)], [.. buttons]);
    }

    /// <summary>Pausing needs a date, so it is a choice of dates rather than a button.</summary>
    private ReplySelect PauseSelect(Language language)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var choices = PauseWeeks.Select(w => today.AddDays(7 * w).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(date => new SelectChoice(Messages.SlackPauseChoice.Format(language, date), date))
            .ToList();
        return new ReplySelect(Messages.SlackPausePlaceholder.Get(language), CommandInvocation.Of("coffee pause"), CoffeeOptions.Until.Name, choices);
    }

    private static string IntroText(Member member, Language language)
    {
        var card = Core.Intro.ProfileCard.For(member, language);
        var lines = card.Fields.Select(f => $"{f.Name}: {f.Value}").Prepend(card.Text).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>
    /// <c>member_joined_channel</c> for one of the community's own channels (intro, coffee, announcements): someone NetworkBot
    /// has not met yet gets the same welcome as a new workspace member, once — the welcome makes them known.
    /// </summary>
    private async Task JoinedChannelAsync(string team, string user, string channel, CancellationToken ct)
    {
        var community = SlackPlatform.CommunityFor(team);
        if (await store.GetCommunityAsync(community, ct).ConfigureAwait(false) is not { Settings: var settings }
            || !new[] { settings.IntroChannel, settings.CoffeeChannel, settings.AnnouncementChannel }.Contains(channel, StringComparer.Ordinal)
            || await store.GetMemberAsync(community, new MemberId(user), ct).ConfigureAwait(false) is not null
            || await callers.UserAsync(user, ct).ConfigureAwait(false) is not { IsBot: false, Deleted: false } known)
        {
            return;
        }

        await store.SaveMemberAsync(
            new Member(community, new MemberId(user), known.ShownName ?? user, Profile.Empty, CoffeeEnrollment.NotJoined, time.GetUtcNow()), ct).ConfigureAwait(false);
        await SendWelcomeAsync(team, user, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A member reactivated (<c>user_change</c> with <c>deleted: false</c>) or joining again (<c>team_join</c>): one who had
    /// left within the retention period keeps their data. Any other profile change of a member who never left changes nothing.
    /// </summary>
    private async Task ReturnedAsync(string team, JsonElement user, CancellationToken ct)
    {
        if (String(user, "id") is { } id && !Flag(user, "deleted"))
        {
            await departures.ReturnedAsync(SlackPlatform.CommunityFor(team), new MemberId(id), ct).ConfigureAwait(false);
        }
    }

    /// <summary><c>team_join</c>: a DM inviting the new member to join coffee chats and write an introduction.</summary>
    private async Task WelcomeAsync(string team, JsonElement joined, CancellationToken ct)
    {
        if (String(joined, "id") is not { } user || !SlackIds.IsUser(user) || Flag(joined, "is_bot") || Flag(joined, "deleted"))
        {
            return;
        }

        await SendWelcomeAsync(team, user, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The welcome goes through the outbox under one key per member, so it is sent once however often Slack delivers the
    /// event and whichever instance handles each delivery: a retry arriving at another instance behind a load balancer
    /// (whose memory of recent deliveries is its own), or a <c>team_join</c> and a <c>member_joined_channel</c> for the
    /// same person.
    /// </summary>
    private async Task SendWelcomeAsync(string team, string user, CancellationToken ct)
    {
        var community = SlackPlatform.CommunityFor(team);
        var language = await callers.LanguageAsync(community, new MemberId(user), ct).ConfigureAwait(false);
        var welcome = new Reply(Messages.SlackWelcome.Get(language))
        {
            Buttons =
            [
                new(Messages.SlackButtonJoinCoffee.Get(language), CommandInvocation.Of("coffee join"), ButtonStyle.Primary),
                new(Messages.SlackButtonWriteIntro.Get(language), CommandInvocation.Of("intro set")),
            ],
        };
        await store.EnqueueAsync(
            [OutboxMessage.Create(community, $"{WelcomeKeyPrefix}{user}", MessageTarget.ToMember(new MemberId(user)), welcome, time.GetUtcNow())], ct).ConfigureAwait(false);
        Welcomed(logger, user, team);
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    [LoggerMessage(EventId = 3620, Level = LogLevel.Information, Message = "Welcome for new member {Member} of {Team} is in the outbox")]
    private static partial void Welcomed(ILogger logger, string member, string team);
}
