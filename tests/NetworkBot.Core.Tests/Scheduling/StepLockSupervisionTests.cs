using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Scheduling;

namespace NetworkBot.Core.Tests.Scheduling;

/// <summary>
/// The supervisor with a step lock other instances share: a community whose lock another instance holds is skipped this
/// tick without counting as a failure, and a step the database rolled back for another transaction's sake is decided
/// again at once.
/// </summary>
public sealed class StepLockSupervisionTests
{
    private static readonly CommunityId Held = new("shell:held");
    private static readonly CommunityId Free = new("shell:free");

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_community_held_by_another_instance_is_skipped_and_tried_again_next_tick()
    {
        var stepLock = new HeldElsewhere(Held);
        var supervisor = new StepSupervisor(stepLock, new FakeTimeProvider(), NullLogger<StepSupervisor>.Instance);
        var ran = new List<CommunityId>();

        var first = await supervisor.RunEachCommunityAsync("coffee rounds", Communities, c => Step(ran, c), Ct);
        stepLock.Release();
        var second = await supervisor.RunEachCommunityAsync("coffee rounds", Communities, c => Step(ran, c), Ct);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        Assert.Equal([Free, Held, Free], ran);
    }

    [Theory]
    [InlineData("40P01")]
    [InlineData("40001")]
    public async Task A_step_rolled_back_for_a_deadlock_or_serialization_conflict_runs_again_at_once(string sqlState)
    {
        var supervisor = new StepSupervisor(SingleInstanceStepLock.Instance, new FakeTimeProvider(), NullLogger<StepSupervisor>.Instance);
        var attempts = 0;

        var steps = await supervisor.RunEachCommunityAsync("event reminders", () => Task.FromResult<IReadOnlyList<CommunityId>>([Free]), _ =>
            ++attempts == 1 ? throw new ConflictException(sqlState) : Task.FromResult(1), Ct);

        Assert.Equal(1, steps);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Another_database_error_is_a_failure_backed_off_not_retried()
    {
        var supervisor = new StepSupervisor(SingleInstanceStepLock.Instance, new FakeTimeProvider(), NullLogger<StepSupervisor>.Instance);
        var attempts = 0;

        var steps = await supervisor.RunEachCommunityAsync("event reminders", () => Task.FromResult<IReadOnlyList<CommunityId>>([Free]), _ =>
        {
            attempts++;
            throw new ConflictException("42P01");
        }, Ct);

        Assert.Equal(0, steps);
        Assert.Equal(1, attempts);
    }

    private static Task<IReadOnlyList<CommunityId>> Communities() => Task.FromResult<IReadOnlyList<CommunityId>>([Held, Free]);

    private static Task<int> Step(List<CommunityId> ran, CommunityId community)
    {
        ran.Add(community);
        return Task.FromResult(1);
    }

    /// <summary>A step lock another instance holds for one community until released.</summary>
    private sealed class HeldElsewhere(CommunityId held) : ICommunityStepLock
    {
        private bool released;

        public void Release() => released = true;

        public async Task<int?> RunAsync(CommunityId community, Func<Task<int>> step, CancellationToken ct) =>
            community == held && !released ? null : await step();
    }

    private sealed class ConflictException(string sqlState) : DbException("conflict")
    {
        public override string SqlState => sqlState;
    }
}
