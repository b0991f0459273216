using System.Globalization;
using System.Text.RegularExpressions;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Introductions;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Privacy;
using NetworkBot.Core.Scheduling;
using NetworkBot.Core.Storage;
using NodaTime;

namespace NetworkBot.Host.Shell;

/// <summary>
/// A local chat in the terminal that speaks the same command table as Discord and Slack. <c>/as NAME</c>
/// switches who is typing (the first member of a new community is its manager), <c>/press N</c> presses a
/// button of the last reply or message the member got (<c>/press #M N</c> one of message M), <c>/wait 3d</c> lets
/// time pass so scheduled steps
/// (check-ins, summaries, the erasure of members whose retention period is over) happen, <c>/leave NAME</c> has a member
/// leave the community as one leaving the Discord server or the Slack workspace does. Without a terminal it reads one
/// command per line and echoes each, so sessions can be scripted. <c>/as</c> stores nobody: a member is stored by their
/// first command, as on the platforms, so switching to someone whose data was deleted keeps them deleted.
/// </summary>
public sealed partial class ShellSession(
    CommandDispatcher dispatcher,
    OutboxDispatcher outbox,
    ScheduledSteps scheduled,
    IStore store,
    Departures departures,
    ShellPlatform platform,
    ShellConsole console,
    ShellClock clock)
{
    /// <summary>As far as the old three-digit <c>/wait 999d</c> went; further only loops the scheduler for nothing.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(999);

    /// <summary>What each member can press: the buttons of their last reply or of the last message sent to them.</summary>
    private readonly Dictionary<MemberId, IReadOnlyList<Core.Replies.CommandInvocation>> choices = [];

    /// <summary>The buttons of every delivered message by its number, with who may press them (null: a channel's, anyone).</summary>
    private readonly Dictionary<long, (IReadOnlyList<Core.Replies.CommandInvocation> Buttons, IReadOnlyList<MemberId>? Readers)> buttonsOf = [];

    public async Task<int> RunAsync(CommunityId communityId, string firstMember, CancellationToken ct)
    {
        var caller = await EnsureCommunityAsync(communityId, firstMember, ct).ConfigureAwait(false);
        if (console.IsInteractive)
        {
            console.Out.WriteLine($"NetworkBot shell — community {communityId}. /help lists commands; /as NAME switches member, /press N presses a button (/press #M N one of message #M), /quit leaves.");
        }

        while (!ct.IsCancellationRequested)
        {
            if (console.IsInteractive)
            {
                console.Out.Write($"{caller.DisplayName}> ");
            }

            var line = await console.In.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!console.IsInteractive)
            {
                console.Out.WriteLine($"{caller.DisplayName}> {line}");
            }

            if (line is "/quit" or "/exit")
            {
                break;
            }

            caller = await HandleLineAsync(caller, line, ct).ConfigureAwait(false);
            await DeliverAsync(ct).ConfigureAwait(false);
            console.Out.WriteLine();
        }

        return 0;
    }

    private async Task<Member> HandleLineAsync(Member caller, string line, CancellationToken ct)
    {
        if (AsCommand().Match(line) is { Success: true } asMatch)
        {
            var member = await SwitchToAsync(caller.Community, asMatch.Groups["name"].Value.Trim().Trim('"'), ct).ConfigureAwait(false);
            console.Out.WriteLine($"Now typing as {member.DisplayName} ({member.Id}).");
            return member;
        }

        if (LeaveCommand().Match(line) is { Success: true } leave)
        {
            await LeaveAsync(caller.Community, leave.Groups["name"].Value.Trim().Trim('"'), ct).ConfigureAwait(false);
            return caller;
        }

        if (WaitCommand().Match(line) is { Success: true } wait)
        {
            if (!DurationText.TryParse(wait.Groups["span"].Value, out var by) || by <= TimeSpan.Zero || by > LongestWait)
            {
                console.Out.WriteLine("✖ /wait takes a length up to 999 days, like 5d, 12h, 30m or 1h30m.");
                return caller;
            }

            clock.Skip(by);
            var steps = await scheduled.TickAsync(includeRetention: true, ct).ConfigureAwait(false);
            console.Out.WriteLine($"It is now {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC; {steps} scheduled step(s) ran.");
            return caller;
        }

        Core.Replies.Reply reply;
        if (PressCommand().Match(line) is { Success: true } press)
        {
            var mine = choices.GetValueOrDefault(caller.Id) ?? [];
            if (press.Groups["message"].Success)
            {
                var number = long.Parse(press.Groups["message"].Value, CultureInfo.InvariantCulture);
                if (!buttonsOf.TryGetValue(number, out var sent) || !(sent.Readers?.Contains(caller.Id) ?? true))
                {
                    console.Out.WriteLine($"✖ No message #{number} with buttons was sent to {caller.DisplayName}.");
                    return caller;
                }

                mine = sent.Buttons;
            }

            var index = int.Parse(press.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (index < 1 || index > mine.Count)
            {
                console.Out.WriteLine(mine.Count == 0 ? "✖ There is nothing to press." : $"✖ Choose a number from 1 to {mine.Count}.");
                return caller;
            }

            var action = mine[index - 1];
            reply = await dispatcher.HandleAsync(Request(caller) with { Path = action.Path, Options = action.Options }, ct).ConfigureAwait(false);
        }
        else
        {
            reply = await dispatcher.HandleTextAsync(Request(caller), line, ct).ConfigureAwait(false);
        }

        var zone = await ShellRenderer.ZoneOfAsync(store, caller.Community, caller.Id, ct).ConfigureAwait(false);
        var (text, newChoices) = ShellRenderer.Render(reply, zone, clock.GetUtcNow());
        choices[caller.Id] = newChoices;
        console.Out.WriteLine(text);
        if (line.TrimStart('/').StartsWith("help", StringComparison.OrdinalIgnoreCase) && !reply.IsError)
        {
            console.Out.WriteLine("  Shell: /as NAME (switch member) · /press N (press a button; /press #M N on message #M) · /wait 3d (let time pass) · /leave NAME (a member leaves the community) · /quit");
        }

        return await store.GetMemberAsync(caller.Community, caller.Id, ct).ConfigureAwait(false) ?? caller;
    }

    /// <summary>
    /// Delivers due messages; their buttons become pressable by every member they were sent to, and a channel's by
    /// every member of the community, as everyone in a channel can press its buttons: with <c>/press N</c> while it
    /// is the last thing the member got, and with <c>/press #M N</c> (M the message's number) at any time.
    /// </summary>
    private async Task DeliverAsync(CancellationToken ct)
    {
        await outbox.DeliverDueAsync(ct).ConfigureAwait(false);
        while (platform.Delivered.TryDequeue(out var message))
        {
            var (_, buttons) = ShellRenderer.Render(message.Reply, DateTimeZone.Utc, clock.GetUtcNow());
            if (buttons.Count == 0)
            {
                continue;
            }

            buttonsOf[message.Id] = (buttons, message.Target.Kind == MessageTargetKind.Channel ? null : message.Target.Members);
            var readers = message.Target.Kind == MessageTargetKind.Channel
                ? (await store.ListMembersAsync(message.Community, ct).ConfigureAwait(false)).Select(m => m.Id)
                : message.Target.Members;
            foreach (var member in readers)
            {
                choices[member] = buttons;
            }
        }
    }

    private static CommandRequest Request(Member caller) =>
        new(caller.Community, caller.Id, caller.DisplayName, string.Empty, new Dictionary<string, string>());

    /// <summary>Creates the community on first use, with <paramref name="firstMember"/> as its manager.</summary>
    private async Task<Member> EnsureCommunityAsync(CommunityId id, string firstMember, CancellationToken ct)
    {
        var community = await store.GetCommunityAsync(id, ct).ConfigureAwait(false);
        if (community is null)
        {
            var member = NewMember(id, firstMember);
            await store.SaveCommunityAsync(new Community(id, id.ExternalId, CommunitySettings.Default with { Managers = [member.Id] }, clock.GetUtcNow()), ct).ConfigureAwait(false);
            await store.SaveMemberAsync(member, ct).ConfigureAwait(false);
            return member;
        }

        return await SwitchToAsync(id, firstMember, ct).ConfigureAwait(false);
    }

    /// <summary>The member with this id or name; a new one, not stored until their first command, when there is none.</summary>
    private async Task<Member> SwitchToAsync(CommunityId community, string name, CancellationToken ct) =>
        await FindAsync(community, name, ct).ConfigureAwait(false) ?? NewMember(community, name);

    private async Task<Member?> FindAsync(CommunityId community, string name, CancellationToken ct) =>
        await store.GetMemberAsync(community, new MemberId(name), ct).ConfigureAwait(false)
            ?? (await store.FindMembersByNameAsync(community, name, ct).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>
    /// <c>/leave NAME</c>: what the bot does when a member leaves the server or workspace: their coffee chats pause, and their
    /// data is erased once the community's retention period has passed (<c>/wait</c> runs that step).
    /// </summary>
    private async Task LeaveAsync(CommunityId community, string name, CancellationToken ct)
    {
        if (await FindAsync(community, name, ct).ConfigureAwait(false) is not { } member)
        {
            console.Out.WriteLine($"✖ Nobody called {name} is stored in this community.");
            return;
        }

        await departures.LeftAsync(community, member.Id, ct).ConfigureAwait(false);
        console.Out.WriteLine($"{member.DisplayName} ({member.Id}) left the community, as when a member leaves the Discord server or Slack workspace.");
    }

    private Member NewMember(CommunityId community, string name) =>
        new(community, new MemberId(IdOf(name)), name, Profile.Empty, CoffeeEnrollment.NotJoined, clock.GetUtcNow());

    /// <summary>A stable member id from a typed name: lower case, spaces to hyphens.</summary>
    private static string IdOf(string name) => WhiteSpace().Replace(name.Trim().ToLowerInvariant(), "-");

    [GeneratedRegex(@"^/as\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AsCommand();

    [GeneratedRegex(@"^/press\s+(?:#(?<message>\d{1,18})\s+)?(?<n>\d{1,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PressCommand();

    [GeneratedRegex(@"^/leave\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeaveCommand();

    [GeneratedRegex(@"^/wait\s+(?<span>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WaitCommand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
