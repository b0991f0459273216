using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Replies;
using NetworkBot.Host.Shell;
using NetworkBot.Tests;
using NodaTime;

namespace NetworkBot.Host.Tests.Shell;

public sealed class ShellHostileTextTests
{
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    /// <summary>
    /// Catches: user text expanded into a local time (a typed <c>{t:0:F}</c> or a forged token), a noncharacter
    /// printed, or a member's text (mentions and markup included) not printed as written in every slot.
    /// </summary>
    [Property]
    public Property Whatever_members_write_is_printed_as_written_and_only_the_bots_times_are_expanded()
    {
        return Prop.ForAll(HostileText.Replies.ToArbitrary(), hostile =>
        {
            var reply = hostile.Reply;
            var (text, _) = ShellRenderer.Render(reply, Tokyo, HostileText.At);
            var written = new[] { reply.Text, reply.Title ?? "" }
                .Concat(reply.Buttons.Select(b => b.Label))
                .Concat(reply.Select?.Choices.Select(c => c.Label) ?? [])
                .Concat(reply.Form?.Fields.Select(f => f.Label) ?? [])
                .Select(t => TimeToken.InZone(t, Tokyo, HostileText.At).TrimEnd());
            return HostileText.Holds(
                ("no noncharacter", !text.Any(UserText.IsReserved)),
                ("only the bot's times", Count(text, "2026-12-03 19:00 (Asia/Tokyo)") + Count(text, "in 0m") <= hostile.BotTokens),
                ("printed as written", written.All(w => text.Contains(w, StringComparison.Ordinal))));
        });
    }

    [Fact]
    public void A_typed_token_is_printed_as_typed_beside_the_bots_own_time()
    {
        var pitch = UserText.Literal("{t:0:F} \uFDD0t:0:F\uFDD1 @everyone <!here>");

        var (text, _) = ShellRenderer.Render(new Reply(pitch + " · " + TimeToken.Full(HostileText.At)), Tokyo, HostileText.At);

        Assert.Equal("{t:0:F} t:0:F @everyone <!here> · 2026-12-03 19:00 (Asia/Tokyo)", text);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
