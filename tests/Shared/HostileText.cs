using FsCheck;
using FsCheck.Fluent;
using NetworkBot.Core.Replies;

namespace NetworkBot.Tests;

/// <summary>
/// What a member might type to make the bot say more than they wrote: look-alikes of Core's time tokens (the old
/// <c>{t:…}</c> form and the real delimiters), Discord and Slack markup, pings, entities, surrogate pairs (and halves of
/// them), CJK and very long runs, mixed with arbitrary strings. Replies are built the way the bot builds them: every
/// user text passes <see cref="UserText.Literal(string?)"/> on its way in, and the bot's own tokens (all at
/// <see cref="At"/>) sit between user texts in the slots that carry times.
/// </summary>
internal static class HostileText
{
    /// <summary>Longer than any limit of any platform, short enough to keep the property quick.</summary>
    private const int MaxLength = 12_000;

    public static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    public static readonly string[] LookAlikes =
    [
        "{t:0:F}", "{t:99999999999:R}", "{t:1796292000:F}", "\uFDD0t:0:F\uFDD1", "\uFDD0t:1796292000:R\uFDD1", "\uFDD0", "\uFDD1", "\uFDEF",
        "<!date^0^{date_long_pretty}|x>", "<t:1:F>", "<t:1796292000:F>", "@everyone", "@here", "<!here>", "<!channel>", "<!everyone>",
        "<@U024BE7LH>", "<@&81384788765712384>", "<#C1>", "<!subteam^S0614TZR7>", "&<>", "&amp;", "&lt;", "\\", "\\<", "*", "`", "|",
        "😀", "👩‍💻", "\uD83D", "\uDE00", "日本語の自己紹介", "a", " ", "\n",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Elements(LookAlikes)),
        (2, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
        (1, Gen.Zip(Gen.Elements(LookAlikes), Gen.Choose(20, 300)).Select(p => string.Concat(Enumerable.Repeat(p.Item1, p.Item2)))));

    /// <summary>Raw hostile text, before the system's entry point cleans it.</summary>
    public static readonly Gen<string> Raw =
        from pieces in Gen.Frequency(
            (8, Gen.Choose(0, 12)),
            (2, Gen.Choose(20, 80)),
            (1, Gen.Choose(200, 400)))
            .SelectMany(n => Gen.ArrayOf(Piece, n))
        let text = string.Concat(pieces)
        select text.Length > MaxLength ? text[..MaxLength] : text;

    /// <summary>Hostile text as it can reach a reply: through <see cref="UserText.Literal(string?)"/>.</summary>
    public static readonly Gen<string> User = Raw.Select(t => UserText.Literal(t));

    /// <summary>User text with up to three of the bot's tokens between pieces of it; how many there are.</summary>
    public static readonly Gen<(string Text, int Tokens)> WithBotTokens =
        from parts in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(User, n))
        from relative in Gen.Elements(true, false)
        select (string.Join(relative ? TimeToken.Relative(At) : TimeToken.Full(At), parts), parts.Length - 1);

    public static readonly Gen<CommandInvocation> Actions =
        from path in Gen.Elements("coffee met", "interests join", "help")
        from number in Gen.Choose(0, 9999)
        select CommandInvocation.Of(path, ("group", $"g{number}"));

    /// <summary>A reply with hostile user text in every slot: text, title, fields, buttons, select, form.</summary>
    public static readonly Gen<HostileReply> Replies =
        from text in WithBotTokens
        from title in Gen.OneOf(Gen.Constant(((string, int)?)null), WithBotTokens.Select(t => ((string, int)?)t))
        from fields in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Zip(User, WithBotTokens), n))
        from buttons in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Zip(User, Actions), n))
        from choices in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(User, n))
        from placeholder in User
        from formFields in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Zip(User, User), n))
        from formTitle in User
        from error in Gen.Elements(true, false)
        select new HostileReply(
            new Reply(text.Text)
            {
                Title = title?.Item1,
                IsError = error,
                Visibility = Visibility.Public,
                Fields = [.. fields.Select(f => new ReplyField(f.Item1, f.Item2.Text))],
                Buttons = [.. buttons.Select(b => new ReplyButton(b.Item1, b.Item2))],
                Select = choices.Length == 0 ? null : new ReplySelect(placeholder, CommandInvocation.Of("coffee pause"), "until", [.. choices.Select((c, i) => new SelectChoice(c, $"v{i}"))]),
                Form = formFields.Length == 0 ? null : new ReplyForm(formTitle, "intro set", [.. formFields.Select((f, i) => new FormField($"o{i}", f.Item1, i % 2 == 0, i % 3 == 0, 4000, f.Item2))]),
            },
            text.Tokens + (title?.Item2 ?? 0) + fields.Sum(f => f.Item2.Tokens));

    /// <summary>True when every check holds; otherwise throws naming the ones that failed, so a falsified property says why.</summary>
    public static bool Holds(params (string Name, bool Holds)[] checks)
    {
        var failed = checks.Where(c => !c.Holds).Select(c => c.Name).ToList();
        return failed.Count == 0 ? true : throw new InvalidOperationException("Failed: " + string.Join(", ", failed));
    }
}
