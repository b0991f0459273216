using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Storage.Tests.Sqlite;

/// <summary>How SQLite's writers take turns: answering a member first, otherwise in the order they came.</summary>
public sealed class WriterTurnsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_write_answering_a_member_goes_before_background_writes_that_were_waiting_longer()
    {
        var turns = new WriterTurns();
        await turns.WaitAsync(answeringMember: false, Ct);
        var delivery = turns.WaitAsync(answeringMember: false, Ct);
        var reminder = turns.WaitAsync(answeringMember: false, Ct);
        var command = turns.WaitAsync(answeringMember: true, Ct);

        turns.Release();
        Assert.Same(command, await Task.WhenAny(command, delivery, reminder));
        Assert.False(delivery.IsCompleted || reminder.IsCompleted);

        turns.Release();
        Assert.Same(delivery, await Task.WhenAny(delivery, reminder));
        Assert.False(reminder.IsCompleted);

        turns.Release();
        await reminder;
    }

    [Fact]
    public async Task A_wait_cancelled_before_its_turn_gives_up_its_place_and_the_turn_passes_to_the_next()
    {
        var turns = new WriterTurns();
        await turns.WaitAsync(answeringMember: true, Ct);
        using var stopping = new CancellationTokenSource();
        var cancelled = turns.WaitAsync(answeringMember: true, stopping.Token);
        var next = turns.WaitAsync(answeringMember: false, Ct);

        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(next.IsCompleted);
        turns.Release();
        await next;

        turns.Release();
        await turns.WaitAsync(answeringMember: false, Ct);
    }
}
