using System.Globalization;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Coffee;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Replies;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.BlockKit;

public sealed class SlackHostileTextTests
{
    private static readonly string BotDate = string.Create(CultureInfo.InvariantCulture, $"<!date^{HostileText.At.ToUnixTimeSeconds()}^");

    /// <summary>
    /// Catches: user text turned into Slack control sequences (a typed <c>{t:0:F}</c>, <c>&lt;!date^…&gt;</c>,
    /// <c>&lt;!here&gt;</c>, <c>&lt;@U…&gt;</c>, a forged token), a limit broken by a date expanded after truncation, an
    /// entity or date cut in half, a noncharacter sent to Slack, or more dates than the bot wrote.
    /// </summary>
    [Property]
    public Property Whatever_members_write_stays_text_within_every_block_kit_limit_and_pings_nobody()
    {
        return Prop.ForAll(HostileText.Replies.ToArbitrary(), hostile =>
        {
            var reply = hostile.Reply;
            var message = SlackRenderer.RenderMessage(reply, "/network");
            var blocks = message.Blocks ?? [];
            var home = SlackRenderer.RenderHome(reply);
            var modal = reply.Form is null ? null : SlackRenderer.RenderModal(reply.Form, Language.En);
            var mrkdwn = Texts(blocks, "mrkdwn").ToList();
            var plain = Texts(blocks, "plain_text").Concat(modal is null ? [] : Texts(modal, "plain_text")).ToList();
            return HostileText.Holds(
                ("message within limits", BlockKitRules.CheckMessageBlocks(blocks).Count == 0),
                ("home within limits", BlockKitRules.CheckView(home).Count == 0),
                ("modal within limits", modal is null || BlockKitRules.CheckView(modal).Count == 0),
                ("fallback within limits", message.Text.Length is > 0 and <= SlackRenderer.MaxFallbackTextLength),
                ("no user markup or ping in mrkdwn", mrkdwn.All(m => Dates(m) >= 0)),
                ("only the bot's dates", mrkdwn.Sum(Dates) <= hostile.BotTokens),
                ("no markup or ping in the fallback text", Dates(message.Text) == 0),
                ("no noncharacter", mrkdwn.Concat(plain).Append(message.Text).All(t => !t.Any(UserText.IsReserved))));
        });
    }

    /// <summary>
    /// Catches the defect that found this: a pitch of <c>{t:0:F}</c> repeated to the limit grew eightfold into Slack
    /// dates after it was cut, Slack refused the blocks and every message to that member's group failed for good.
    /// </summary>
    [Fact]
    public void A_group_with_a_pitch_of_token_look_alikes_gets_a_message_slack_accepts_showing_the_pitch_as_written()
    {
        var pitch = string.Concat(Enumerable.Repeat("{t:0:F}", Profile.MaxPitchLength / 7));
        var community = new CommunityId("slack:T1");
        var joined = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        Member Person(string id, string pitchText) => new(community, new MemberId(id), "{t:0:R} <!channel> " + id,
            new Profile(pitchText, "<!here>", "{t:0:F}", [pitch[..70]], ["<@U1>"], ["ramen"], "Asia/Tokyo", null), CoffeeEnrollment.NotJoined, joined);
        Member[] group = [Person("aiko", pitch), Person("ben", pitch), Person("chie", pitch + "\uFDD0t:0:F\uFDD1")];

        var reply = new GroupIntroduction(ConversationStarters.None).Compose(
            group, new Community(community, "c", CommunitySettings.Default, joined), new GroupId("g1"), joined, joined.AddDays(7));
        var message = SlackRenderer.RenderMessage(reply, "/network");

        Assert.Empty(BlockKitRules.CheckMessageBlocks(message.Blocks!));
        var mrkdwn = string.Join('\n', Texts(message.Blocks, "mrkdwn"));
        Assert.DoesNotContain("<", mrkdwn, StringComparison.Ordinal);
        Assert.DoesNotContain("<", message.Text, StringComparison.Ordinal);
        var cards = Texts(message.Blocks, "mrkdwn").Where(t => t.Contains("aiko", StringComparison.Ordinal)).ToList();
        Assert.Contains(cards, t => t.Contains(pitch, StringComparison.Ordinal) && t.Contains("{t:0:R} &lt;!channel&gt; aiko", StringComparison.Ordinal));
        Assert.Contains(Texts(message.Blocks, "mrkdwn"), t => t.Contains("chie", StringComparison.Ordinal) && t.Contains(pitch + "t:0:F", StringComparison.Ordinal));
    }

    /// <summary>The <c>text</c> of every text object of <paramref name="type"/> (mrkdwn or plain_text) under <paramref name="node"/>.</summary>
    private static IEnumerable<string> Texts(JsonNode? node, string type) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == type && o["text"] is JsonValue text => [text.GetValue<string>()],
        JsonObject o => o.SelectMany(p => Texts(p.Value, type)),
        JsonArray a => a.SelectMany(n => Texts(n, type)),
        _ => [],
    };

    /// <summary>
    /// How many of the bot's dates Slack would read in <paramref name="mrkdwn"/>, or -1 when it would read any other
    /// control sequence or a broken entity: a member's <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped.
    /// </summary>
    private static int Dates(string mrkdwn)
    {
        var count = 0;
        for (var i = 0; i < mrkdwn.Length; i++)
        {
            var rest = mrkdwn.AsSpan(i);
            if (rest[0] == '&' && !(rest.StartsWith("&amp;", StringComparison.Ordinal) || rest.StartsWith("&lt;", StringComparison.Ordinal) || rest.StartsWith("&gt;", StringComparison.Ordinal)))
            {
                return -1;
            }

            if (rest[0] == '<')
            {
                var end = rest.IndexOf('>');
                if (!rest.StartsWith(BotDate, StringComparison.Ordinal) || end < 0)
                {
                    return -1;
                }

                count++;
                i += end;
            }
            else if (rest[0] == '>')
            {
                return -1;
            }
        }

        return count;
    }
}
