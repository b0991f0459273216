using System.Collections.Concurrent;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>
/// The test communities' interest spaces: records every call and answers with <see cref="NextOutcome"/>.
/// A created space gets the refs <c>role-{name}</c> and <c>channel-{name}</c>; refs the interest already has are reused.
/// </summary>
public sealed class RecordingInterestSpaces : IInterestSpaces
{
    public string Platform => "shell";

    public InterestSpaceOutcome NextOutcome { get; set; } = InterestSpaceOutcome.Done;

    /// <summary>Each call as <c>ensure rust -</c> (or with the role ref it had), <c>add rust aiko role-rust</c>, <c>remove rust aiko role-rust</c>.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<InterestSpaceResult> EnsureAsync(Community community, Interest interest, CancellationToken ct)
    {
        Calls.Enqueue($"ensure {interest.Name} {interest.RoleRef ?? "-"}");
        var made = NextOutcome == InterestSpaceOutcome.Done;
        return Task.FromResult(new InterestSpaceResult(
            NextOutcome,
            interest.RoleRef ?? (made ? $"role-{interest.Name}" : null),
            interest.ChannelRef ?? (made ? $"channel-{interest.Name}" : null)));
    }

    public Task<InterestSpaceResult> AddMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct) =>
        Record("add", interest, member);

    public Task<InterestSpaceResult> RemoveMemberAsync(Community community, Interest interest, MemberId member, CancellationToken ct) =>
        Record("remove", interest, member);

    private Task<InterestSpaceResult> Record(string action, Interest interest, MemberId member)
    {
        Calls.Enqueue($"{action} {interest.Name} {member} {interest.RoleRef}");
        return Task.FromResult(new InterestSpaceResult(NextOutcome));
    }
}
