using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Replies;
using NetworkBot.Storage.Privacy;
using NetworkBot.Storage.Serialization;

namespace NetworkBot.Storage.Tests.Privacy;

/// <summary>The decisions every provider's erasure shares: what text about the member becomes, and which messages go.</summary>
public sealed class MemberErasureTests
{
    private static readonly MemberId Erin = new("slack:T1:U1");
    private static readonly MemberId Placeholder = new("erased:00000000000000ff");
    private static readonly MemberErasure Erasure = new(Erin, "Erin \"Q\" Ito", Placeholder);

    [Fact]
    public void An_id_is_replaced_where_it_stands_whole_never_inside_a_longer_id()
    {
        Assert.Equal(
            $"dm:{Placeholder.Value}:welcome slack:T1:U12 <@{Placeholder.Value}>",
            Erasure.Text("dm:slack:T1:U1:welcome slack:T1:U12 <@slack:T1:U1>"));
    }

    [Fact]
    public void A_name_escaped_in_json_is_found_and_the_result_stays_valid_json()
    {
        var reply = StoredJson.Write(new Reply("Meet Erin \"Q\" Ito") { Fields = [new ReplyField("Who", "Erin \"Q\" Ito", true)] });

        var rewritten = StoredJson.ReadReply(Erasure.Json(reply));

        Assert.Equal($"Meet {MemberErasure.PlaceholderName}", rewritten.Text);
        Assert.Equal(MemberErasure.PlaceholderName, Assert.Single(rewritten.Fields).Value);
    }

    [Fact]
    public void Progress_of_an_earlier_release_is_rewritten_as_text()
    {
        var row = new OutboxText(StoredJson.Write(MessageTarget.ToChannel("c")), "k", StoredJson.Write(new Reply("hi")), "thread:slack:T1:U1", null);

        Assert.Equal($"thread:{Placeholder.Value}", Erasure.Outbox(row, delivered: true)!.Progress);
    }

    [Fact]
    public void A_message_that_does_not_name_the_member_is_returned_as_it_is()
    {
        var row = new OutboxText(StoredJson.Write(MessageTarget.ToMember(new MemberId("slack:T1:U12"))), "k", StoredJson.Write(new Reply("hi")), null, null);

        Assert.Same(row, Erasure.Outbox(row, delivered: false));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_message_to_the_member_alone_goes_delivered_or_not(bool delivered)
    {
        var row = new OutboxText(StoredJson.Write(MessageTarget.ToMember(Erin)), "k", StoredJson.Write(new Reply("your data")), null, null);

        Assert.Null(Erasure.Outbox(row, delivered));
    }

    [Fact]
    public void An_undelivered_group_message_of_the_member_alone_with_the_placeholder_goes()
    {
        var row = new OutboxText(StoredJson.Write(MessageTarget.ToGroup("c", [Erin])), "k", StoredJson.Write(new Reply("hi")), null, null);

        Assert.Null(Erasure.Outbox(row, delivered: false));
        Assert.Equal([Placeholder], StoredJson.ReadTarget(Erasure.Outbox(row, delivered: true)!.Target).Members);
    }

    [Fact]
    public void A_connection_with_the_placeholder_keeps_the_ordinal_order()
    {
        Assert.Equal((Placeholder.Value, "slack:T1:U0"), Erasure.Pair("slack:T1:U0", Erin.Value));
        Assert.Equal(("a:1", Placeholder.Value), Erasure.Pair(Erin.Value, "a:1"));
    }

    [Fact]
    public void An_interest_space_still_to_be_made_for_an_erased_manager_is_still_made()
    {
        var setup = MessageTarget.ToInterestSpaceSetup(new Core.Interests.InterestId("i1"), Erin);
        var row = new OutboxText(StoredJson.Write(setup), "space-setup:i1", StoredJson.Write(new Reply("ready")), null, null);

        var target = StoredJson.ReadTarget(Erasure.Outbox(row, delivered: false)!.Target);

        Assert.Equal((MessageTargetKind.InterestSpaceSetup, "i1"), (target.Kind, target.Interest));
        Assert.Equal([Placeholder], target.Members);
    }
}
