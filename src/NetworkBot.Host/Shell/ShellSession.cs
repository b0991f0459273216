using System.Text.RegularExpressions;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Platform;
using NetworkBot.Core.Storage;

namespace NetworkBot.Host.Shell;

/// <summary>
/// A local chat in the terminal that speaks the same command table as Discord and Slack. <c>/as NAME</c>
/// switches who is typing (the first member of a new community is its manager), <c>/press N</c> presses a
/// button of the last reply. Without a terminal it reads one command per line and echoes each, so sessions
/// can be scripted.
/// </summary>
public sealed partial class ShellSession(
    CommandDispatcher dispatcher,
    OutboxDispatcher outbox,
    IStore store,
    ShellConsole console,
    TimeProvider time)
{
    private IReadOnlyList<Core.Replies.CommandInvocation> choices = [];

    public async Task<int> RunAsync(CommunityId communityId, string firstMember, CancellationToken ct)
    {
        var caller = await EnsureCommunityAsync(communityId, firstMember, ct).ConfigureAwait(false);
        if (console.IsInteractive)
        {
            console.Out.WriteLine($"NetworkBot shell — community {communityId}. /help lists commands; /as NAME switches member, /press N presses a button, /quit leaves.");
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
            await outbox.DeliverDueAsync(ct).ConfigureAwait(false);
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

        Core.Replies.Reply reply;
        if (PressCommand().Match(line) is { Success: true } press)
        {
            var index = int.Parse(press.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index < 1 || index > choices.Count)
            {
                console.Out.WriteLine(choices.Count == 0 ? "✖ There is nothing to press." : $"✖ Choose a number from 1 to {choices.Count}.");
                return caller;
            }

            var action = choices[index - 1];
            reply = await dispatcher.HandleAsync(Request(caller) with { Path = action.Path, Options = action.Options }, ct).ConfigureAwait(false);
        }
        else
        {
            reply = await dispatcher.HandleTextAsync(Request(caller), line, ct).ConfigureAwait(false);
        }

        var (text, newChoices) = ShellRenderer.Render(reply);
        choices = newChoices;
        console.Out.WriteLine(text);
        if (line.TrimStart('/').StartsWith("help", StringComparison.OrdinalIgnoreCase) && !reply.IsError)
        {
            console.Out.WriteLine("  Shell: /as NAME (switch member) · /press N (press a button) · /quit");
        }

        return await store.GetMemberAsync(caller.Community, caller.Id, ct).ConfigureAwait(false) ?? caller;
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
            await store.SaveCommunityAsync(new Community(id, id.ExternalId, CommunitySettings.Default with { Managers = [member.Id] }, time.GetUtcNow()), ct).ConfigureAwait(false);
            await store.SaveMemberAsync(member, ct).ConfigureAwait(false);
            return member;
        }

        return await SwitchToAsync(id, firstMember, ct).ConfigureAwait(false);
    }

    /// <summary>The member with this id or name, created when there is none.</summary>
    private async Task<Member> SwitchToAsync(CommunityId community, string name, CancellationToken ct)
    {
        var existing = await store.GetMemberAsync(community, new MemberId(name), ct).ConfigureAwait(false)
            ?? (await store.FindMembersByNameAsync(community, name, ct).ConfigureAwait(false)).FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        var member = NewMember(community, name);
        await store.SaveMemberAsync(member, ct).ConfigureAwait(false);
        return member;
    }

    private Member NewMember(CommunityId community, string name) =>
        new(community, new MemberId(IdOf(name)), name, Profile.Empty, CoffeeEnrollment.NotJoined, time.GetUtcNow());

    /// <summary>A stable member id from a typed name: lower case, spaces to hyphens.</summary>
    private static string IdOf(string name) => WhiteSpace().Replace(name.Trim().ToLowerInvariant(), "-");

    [GeneratedRegex(@"^/as\s+(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AsCommand();

    [GeneratedRegex(@"^/press\s+(?<n>\d{1,4})$", RegexOptions.IgnoreCase)]
    private static partial Regex PressCommand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
