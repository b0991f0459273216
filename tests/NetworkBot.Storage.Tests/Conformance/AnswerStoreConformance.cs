using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using static NetworkBot.Storage.Tests.TestData;

namespace NetworkBot.Storage.Tests.Conformance;

public abstract class AnswerStoreConformance<TProvider> : StoreConformance<TProvider>
    where TProvider : StoreProvider, new()
{
    [SkippableFact]
    public async Task Recording_an_answer_stores_it_and_sets_the_group_outcome()
    {
        var round = await SaveRoundAsync(["u1", "u2"]);
        var answer = Answer(round, 0, "u1", MeetingOutcome.Met, T0.AddDays(5));

        await RecordAnswerAsync(Tokyo, answer, MeetingOutcome.Met, []);

        Assert.Equal([answer], await Store.ListAnswersAsync(Tokyo, round.Round.Id, Ct));
        Assert.Equal(MeetingOutcome.Met, (await Store.FindGroupAsync(Tokyo, answer.Group, Ct))!.Groups[0].Outcome);
    }

    [SkippableFact]
    public async Task Answering_again_replaces_the_earlier_answer_and_the_group_outcome()
    {
        var round = await SaveRoundAsync(["u1", "u2"]);
        await RecordAnswerAsync(Tokyo, Answer(round, 0, "u1", MeetingOutcome.NotYet, T0.AddDays(5)), MeetingOutcome.NotYet, []);
        var later = Answer(round, 0, "u1", MeetingOutcome.DidNotMeet, T0.AddDays(6));

        await RecordAnswerAsync(Tokyo, later, MeetingOutcome.DidNotMeet, []);

        Assert.Equal([later], await Store.ListAnswersAsync(Tokyo, round.Round.Id, Ct));
        Assert.Equal(MeetingOutcome.DidNotMeet, (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Groups[0].Outcome);
    }

    [SkippableFact]
    public async Task Answers_of_a_round_come_by_group_then_answer_time_and_leave_out_other_rounds()
    {
        var round = await SaveRoundAsync(["u1", "u2"], ["u3", "u4"]);
        var other = await SaveRoundAsync(["u1", "u3"]);
        var answers = new[]
        {
            Answer(round, 1, "u4", MeetingOutcome.Met, T0.AddDays(1)),
            Answer(round, 0, "u2", MeetingOutcome.NotYet, T0.AddDays(3)),
            Answer(other, 0, "u1", MeetingOutcome.Met, T0.AddDays(2)),
            Answer(round, 0, "u1", MeetingOutcome.Met, T0.AddDays(2)),
        };
        foreach (var answer in answers)
        {
            await RecordAnswerAsync(Tokyo, answer, answer.Answer, []);
        }

        var listed = await Store.ListAnswersAsync(Tokyo, round.Round.Id, Ct);

        Assert.Equal([answers[3], answers[1], answers[0]], listed);
        Assert.Empty(await Store.ListAnswersAsync(Tokyo, RoundId.New(), Ct));
    }

    [SkippableFact]
    public async Task Connections_from_answers_are_added_once_and_keep_their_first_date()
    {
        var round = await SaveRoundAsync(["u1", "u2", "u3"]);
        await RecordAnswerAsync(
            Tokyo,
            Answer(round, 0, "u1", MeetingOutcome.Met, T0),
            MeetingOutcome.Met,
            [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0), Connection.Between(Tokyo, Id("u1"), Id("u3"), T0)]);

        await RecordAnswerAsync(
            Tokyo,
            Answer(round, 0, "u2", MeetingOutcome.Met, T0.AddDays(1)),
            MeetingOutcome.Met,
            [Connection.Between(Tokyo, Id("u2"), Id("u1"), T0.AddDays(1)), Connection.Between(Tokyo, Id("u2"), Id("u3"), T0.AddDays(1))]);

        Assert.Equal(
            [new Connection(Tokyo, Id("u2"), Id("u3"), T0.AddDays(1)), new Connection(Tokyo, Id("u1"), Id("u2"), T0)],
            await Store.ListConnectionsAsync(Tokyo, Id("u2"), Ct));
        Assert.Equal(3L, await UnderTest.CountRowsAsync(StoreTable.Connections));
    }

    [SkippableFact]
    public async Task Connection_given_in_reverse_order_is_stored_once_in_stored_order()
    {
        var round = await SaveRoundAsync(["u1", "u2"]);
        await RecordAnswerAsync(Tokyo, Answer(round, 0, "u1", MeetingOutcome.Met, T0), MeetingOutcome.Met, [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0)]);

        await RecordAnswerAsync(
            Tokyo, Answer(round, 0, "u2", MeetingOutcome.Met, T0.AddDays(1)), MeetingOutcome.Met, [new Connection(Tokyo, Id("u2"), Id("u1"), T0.AddDays(1))]);

        Assert.Equal([new Connection(Tokyo, Id("u1"), Id("u2"), T0)], await Store.ListConnectionsAsync(Tokyo, Id("u2"), Ct));
    }

    [SkippableFact]
    public async Task Answer_for_an_unknown_group_is_rejected_and_adds_no_connection()
    {
        await AssertIntegrityViolationAsync(() => RecordAnswerAsync(
            Tokyo,
            new GroupAnswer(GroupId.New(), Id("u1"), MeetingOutcome.Met, T0),
            MeetingOutcome.Met,
            [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0)]));

        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.GroupAnswers));
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Connections));
    }

    [SkippableFact]
    public async Task Answer_whose_connection_cannot_be_stored_leaves_the_answer_and_outcome_as_they_were()
    {
        var round = await SaveRoundAsync(["u1", "u2"]);

        await AssertIntegrityViolationAsync(() => RecordAnswerAsync(
            Tokyo,
            Answer(round, 0, "u1", MeetingOutcome.Met, T0),
            MeetingOutcome.Met,
            [Connection.Between(Tokyo, Id("u1"), Id("u2"), T0), Connection.Between(Tokyo, Id("u1"), Id("u1"), T0)]));

        Assert.Empty(await Store.ListAnswersAsync(Tokyo, round.Round.Id, Ct));
        Assert.Equal(MeetingOutcome.Unknown, (await Store.GetRoundAsync(Tokyo, round.Round.Id, Ct))!.Groups[0].Outcome);
        Assert.Equal(0L, await UnderTest.CountRowsAsync(StoreTable.Connections));
    }

    private async Task<RoundRecord> SaveRoundAsync(params string[][] groups)
    {
        var round = Open(Round(Tokyo, T0, groups));
        await Store.SaveRoundAsync(round, new([], null), [], Ct);
        return round;
    }
}
