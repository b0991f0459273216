using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Platform;

namespace NetworkBot.Core.Tests.Outbox;

public sealed class DeliveryProgressTests
{
    private static readonly MemberId Ada = new("U1");
    private static readonly MemberId Bob = new("U2");
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Progress_reads_back_as_it_was_written()
    {
        var progress = new DeliveryProgress { PostStartedAt = T0, Thread = "800", Sent = "C1/1.2" }
            .With(Ada, new RecipientProgress(RecipientStatus.Posting, PostStartedAt: T0))
            .With(Bob, new RecipientProgress(RecipientStatus.GaveUp, "closed DMs"));

        var read = DeliveryProgress.Read(progress.Write());

        Assert.Equal((T0, "800", "C1/1.2"), (read.PostStartedAt, read.Thread, read.Sent));
        Assert.Equal(progress.Of(Ada), read.Of(Ada));
        Assert.Equal(progress.Of(Bob), read.Of(Bob));
        Assert.Contains("\"GaveUp\"", progress.Write(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_thread_progress_of_an_earlier_release_still_names_the_thread()
    {
        Assert.Equal("800", DeliveryProgress.Read("thread:800").Thread);
        Assert.Null(DeliveryProgress.Read(null).Thread);
    }

    [Fact]
    public void A_message_is_done_only_when_no_member_must_be_tried_again_and_fails_only_when_nobody_was_reached()
    {
        var retry = new DeliveryResult.RetryLater(TimeSpan.FromMinutes(5), "rate limited");
        var oneGaveUp = new DeliveryProgress().With(Ada, new RecipientProgress(RecipientStatus.GaveUp, "closed DMs"));

        Assert.Equal(retry, oneGaveUp.Outcome([Ada, Bob], retry, null));
        Assert.Equal(new DeliveryResult.Delivered("ref"), oneGaveUp.With(Bob, new RecipientProgress(RecipientStatus.Delivered)).Outcome([Ada, Bob], null, "ref"));
        var failed = oneGaveUp.With(Bob, new RecipientProgress(RecipientStatus.GaveUp, "left")).Outcome([Ada, Bob], null, null);
        Assert.Equal("closed DMs; left", Assert.IsType<DeliveryResult.Failed>(failed).Reason);
    }
}
