using NetworkBot.Core.Domain;
using NetworkBot.Core.Outbox;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Replies;

namespace NetworkBot.Core.Tests.Commands;

public sealed class IntroCommandTests : CommandTestBase
{
    [Fact]
    public async Task Set_saves_every_field_given()
    {
        var reply = await Harness.TypeAsync("aiko",
            "/intro set pitch:\"I build payment APIs\" role:Engineer industry:finance offers:\"code review, intros to VCs\" seeks:\"UX feedback\" interests:rust,ai timezone:asia/tokyo language:ja");

        Assert.False(reply.IsError, reply.Text);
        var profile = (await Harness.MemberAsync("aiko")).Profile;
        Assert.Equal("I build payment APIs", profile.Pitch);
        Assert.Equal("Engineer", profile.Role);
        Assert.Equal("finance", profile.Industry);
        Assert.Equal(["code review", "intros to VCs"], profile.Offers);
        Assert.Equal(["UX feedback"], profile.Seeks);
        Assert.Equal(["rust", "ai"], profile.Interests);
        Assert.Equal("Asia/Tokyo", profile.TimeZone);
        Assert.Equal(Language.Ja, profile.Language);
        Assert.Contains("保存しました", reply.Text);
    }

    [Fact]
    public async Task Set_changes_only_the_fields_given_and_an_empty_value_clears_one()
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:Hello role:Engineer");
        await Harness.TypeAsync("aiko", "/intro set role:\"\" industry:media");

        var profile = (await Harness.MemberAsync("aiko")).Profile;
        Assert.Equal("Hello", profile.Pitch);
        Assert.Null(profile.Role);
        Assert.Equal("media", profile.Industry);
    }

    [Fact]
    public async Task Set_without_options_opens_a_form_filled_with_the_current_intro()
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:Hello offers:\"a, b\"");

        var reply = await Harness.TypeAsync("aiko", "/intro set");

        var form = Assert.IsType<ReplyForm>(reply.Form);
        Assert.Equal("intro set", form.SubmitPath);
        Assert.InRange(form.Fields.Count, 1, 5);
        Assert.Equal("Hello", form.Fields.Single(f => f.OptionName == "pitch").Value);
        Assert.Equal("a, b", form.Fields.Single(f => f.OptionName == "offers").Value);
    }

    [Fact]
    public async Task Submitting_the_form_saves_it()
    {
        var reply = await Harness.InvokeAsync("aiko", "intro set", ("pitch", "From the form"), ("role", ""), ("industry", "media"), ("offers", ""), ("seeks", "mentors"));

        Assert.False(reply.IsError, reply.Text);
        var profile = (await Harness.MemberAsync("aiko")).Profile;
        Assert.Equal("From the form", profile.Pitch);
        Assert.Equal(["mentors"], profile.Seeks);
    }

    [Theory]
    [InlineData(281)]
    [InlineData(10_240)]
    public async Task An_overlong_pitch_is_refused_and_nothing_changes(int length)
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:Original");
        var before = await Harness.SnapshotAsync();

        var reply = await Harness.InvokeAsync("aiko", "intro set", ("pitch", new string('x', length)), ("role", "Engineer"));

        Assert.True(reply.IsError);
        Assert.Contains("pitch", reply.Text);
        Assert.Contains("280", reply.Text);
        Assert.Equal(before, await Harness.SnapshotAsync());
    }

    [Fact]
    public async Task A_pitch_of_exactly_280_characters_is_accepted()
    {
        var reply = await Harness.InvokeAsync("aiko", "intro set", ("pitch", new string('あ', 280)));

        Assert.False(reply.IsError, reply.Text);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_with_examples_and_nothing_changes()
    {
        var reply = await RefusedAndUnchangedAsync("aiko", "/intro set timezone:Mars/Olympus pitch:Hi");

        Assert.Contains("Mars/Olympus", reply.Text);
        Assert.Contains("Asia/Tokyo", reply.Text);
    }

    [Fact]
    public async Task All_problems_are_reported_at_once()
    {
        var reply = await Harness.TypeAsync("aiko", "/intro set timezone:Nowhere language:fr");

        Assert.Contains("Nowhere", reply.Text);
        Assert.Contains("en or ja", reply.Text);
    }

    [Fact]
    public async Task Mention_text_is_kept_as_text_for_the_adapters_to_send_without_pinging()
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Hi @everyone <@123> <!channel>\"");

        Assert.Equal("Hi @everyone <@123> <!channel>", (await Harness.MemberAsync("aiko")).Profile.Pitch);
    }

    [Fact]
    public async Task Show_finds_a_member_by_name_or_id_and_says_when_there_is_no_intro()
    {
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Payments in Tokyo\" industry:finance");

        var byName = await Harness.TypeAsync("ben", "/intro show \"aiko tanaka\"");
        var byMention = await Harness.TypeAsync("ben", "/intro show <@aiko>");
        var nobody = await Harness.TypeAsync("aiko", "/intro show ben");
        var self = await Harness.TypeAsync("ben", "/intro show");

        Assert.Equal("Aiko Tanaka", byName.Title);
        Assert.Contains("Payments in Tokyo", byName.Text);
        Assert.Equal("Aiko Tanaka", byMention.Title);
        Assert.Contains("Ben Okafor", nobody.Text);
        Assert.Contains("/intro set", self.Text);
    }

    [Fact]
    public async Task Show_of_an_unknown_member_is_a_clear_error()
    {
        var reply = await Harness.TypeAsync("aiko", "/intro show ghost");

        Assert.True(reply.IsError);
        Assert.Contains("ghost", reply.Text);
    }

    [Fact]
    public async Task Post_needs_an_intro_and_an_intro_channel()
    {
        var noIntro = await Harness.TypeAsync("aiko", "/intro post");
        await Harness.TypeAsync("aiko", "/intro set pitch:Hello");
        var noChannel = await Harness.TypeAsync("aiko", "/intro post");

        Assert.True(noIntro.IsError);
        Assert.True(noChannel.IsError);
        Assert.Contains("/admin setup", noChannel.Text);
        Assert.Empty(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Post_queues_one_public_message_to_the_intro_channel()
    {
        await Harness.TypeAsync("mana", "/admin setup intro-channel:#intros");
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Payments in Tokyo\"");

        var reply = await Harness.TypeAsync("aiko", "/intro post");

        Assert.False(reply.IsError, reply.Text);
        var message = Assert.Single(await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
        Assert.Equal(MessageTargetKind.Channel, message.Target.Kind);
        Assert.Equal("intros", message.Target.Channel);
        Assert.Equal(Visibility.Public, message.Reply.Visibility);
        Assert.Contains("Aiko Tanaka", message.Reply.Text);
        Assert.Contains("Payments in Tokyo", message.Reply.Text);
    }

    [Fact]
    public async Task A_member_posts_at_most_once_per_cooldown_even_across_a_restart_and_others_are_not_held()
    {
        await Harness.TypeAsync("mana", "/admin setup intro-channel:#intros");
        await Harness.TypeAsync("aiko", "/intro set pitch:\"Payments in Tokyo\"");
        await Harness.TypeAsync("ken", "/intro set pitch:\"Robots in Osaka\"");
        Assert.False((await Harness.TypeAsync("aiko", "/intro post")).IsError);
        Harness.Restart();
        Harness.Clock.Advance(IntroCommands.PostCooldown - TimeSpan.FromMinutes(4));

        var tooSoon = await Harness.TypeAsync("aiko", "/intro post");
        var other = await Harness.TypeAsync("ken", "/intro post");
        Harness.Clock.Advance(TimeSpan.FromMinutes(4));
        var later = await Harness.TypeAsync("aiko", "/intro post");

        Assert.True(tooSoon.IsError);
        Assert.Equal(IntroTexts.IntroPostCooldown.Format(Language.En, 4), tooSoon.Text);
        Assert.False(other.IsError, other.Text);
        Assert.False(later.IsError, later.Text);
        Assert.Equal(3, (await Harness.Store.ListDueOutboxAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None)).Count);
    }
}
