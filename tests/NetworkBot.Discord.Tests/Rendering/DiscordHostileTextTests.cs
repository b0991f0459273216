using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Rendering;
using NetworkBot.Tests;

namespace NetworkBot.Discord.Tests.Rendering;

public sealed class DiscordHostileTextTests
{
    private static readonly string[] BotTimestamps =
    [
        string.Create(CultureInfo.InvariantCulture, $"<t:{HostileText.At.ToUnixTimeSeconds()}:F>"),
        string.Create(CultureInfo.InvariantCulture, $"<t:{HostileText.At.ToUnixTimeSeconds()}:R>"),
    ];

    /// <summary>
    /// Catches: user text expanded into timestamps or mentions (a typed <c>{t:0:F}</c>, <c>&lt;t:1:F&gt;</c>, <c>&lt;@…&gt;</c>,
    /// a forged token), a limit broken by an expansion after truncation, a cut through a timestamp or an escape, a
    /// noncharacter or half surrogate sent to Discord, a ping allowed, or user text not shown as written.
    /// </summary>
    [Property]
    public Property Whatever_members_write_stays_text_within_every_limit_and_pings_nobody()
    {
        return Prop.ForAll(HostileText.Replies.ToArbitrary(), hostile =>
        {
            var reply = hostile.Reply;
            var message = DiscordRenderer.RenderMessage(reply);
            var modal = reply.Form is null ? null : DiscordRenderer.RenderModal(reply.Form);
            var payload = DiscordRenderer.RenderPayload(reply);
            var markdown = Markdown(message).ToList();
            var all = markdown.Concat(Plain(message)).Concat(modal is null ? [] : Plain(modal)).ToList();
            return HostileText.Holds(
                ("within limits", DiscordLimits.Message(message)),
                ("modal within limits", modal is null || DiscordLimits.Modal(modal)),
                ("no user markup", markdown.All(m => Timestamps(m) >= 0)),
                ("only the bot's timestamps", markdown.Sum(Timestamps) <= hostile.BotTokens),
                ("no ping", message.AllowedMentions is { Parse.Count: 0, Roles: null }),
                ("no ping in a channel message", payload.AllowedMentions is { Parse.Count: 0, Roles: null, Users: null }),
                ("no noncharacter or half surrogate", all.All(Sendable)),
                ("text shown as written", ShowsTextAsWritten(reply, message)));
        });
    }

    [Fact]
    public void A_typed_token_timestamp_or_mention_is_shown_as_typed()
    {
        var pitch = UserText.Literal("{t:0:F} <t:1:F> <@123> @everyone \uFDD0t:0:F\uFDD1 \\");

        var message = DiscordRenderer.RenderMessage(new Reply(pitch + " " + TimeToken.Full(HostileText.At)) { Fields = [new("Pitch", pitch)] });

        Assert.Equal(@"{t:0:F} \<t:1:F> \<@123> @everyone t:0:F \\ <t:1796292000:F>", message.Content);
        Assert.Equal(@"{t:0:F} \<t:1:F> \<@123> @everyone t:0:F \\", message.Embeds![0].Fields![0].Value);
    }

    private static IEnumerable<string> Markdown(InteractionCallbackData message)
    {
        var embeds = message.Embeds ?? [];
        return new[] { message.Content }
            .Concat(embeds.SelectMany(e => new[] { e.Title, e.Description }.Concat((e.Fields ?? []).SelectMany(f => new[] { f.Name, f.Value }))))
            .OfType<string>();
    }

    private static IEnumerable<string> Plain(InteractionCallbackData data) =>
        new[] { data.Title }.OfType<string>().Concat((data.Components ?? []).SelectMany(Plain));

    private static IEnumerable<string> Plain(DiscordComponent component) =>
        new[] { component.Label, component.Placeholder, component.Value }
            .Concat((component.Options ?? []).Select(o => o.Label))
            .OfType<string>()
            .Concat((component.Components ?? []).SelectMany(Plain))
            .Concat(component.Component is { } inner ? Plain(inner) : []);

    /// <summary>
    /// How many of the bot's timestamps Discord would read in <paramref name="text"/>, or -1 when it would read any
    /// other <c>&lt;…&gt;</c>: a member's <c>&lt;</c> is escaped.
    /// </summary>
    private static int Timestamps(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '<')
            {
                if (!BotTimestamps.Any(t => text.AsSpan(i).StartsWith(t, StringComparison.Ordinal)))
                {
                    return -1;
                }

                count++;
            }
        }

        return count;
    }

    private static bool Sendable(string text) =>
        !text.Any(UserText.IsReserved) && !HasLoneSurrogate(text);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text as Discord shows it is the member's text with the bot's times in it, whole or cut with "…".</summary>
    private static bool ShowsTextAsWritten(Reply reply, InteractionCallbackData message)
    {
        var expected = ReplyText.Render(reply.Text, int.MaxValue, (at, style) => string.Create(CultureInfo.InvariantCulture, $"<t:{at.ToUnixTimeSeconds()}:{style}>"));
        if (expected.Length == 0)
        {
            return true;
        }

        var shown = Unescape(message.Content ?? message.Embeds![0].Description!);
        return shown == expected || (shown.EndsWith(ReplyText.Ellipsis, StringComparison.Ordinal) && expected.StartsWith(shown[..^1], StringComparison.Ordinal));
    }

    private static string Unescape(string text)
    {
        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            plain.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
        }

        return plain.ToString();
    }
}
