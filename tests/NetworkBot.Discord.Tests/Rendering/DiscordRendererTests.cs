using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rendering;

namespace NetworkBot.Discord.Tests.Rendering;

public sealed class DiscordRendererTests
{
    private static readonly CommandInvocation Status = CommandInvocation.Of("coffee status");

    [Fact]
    public void Mentions_never_notify_anyone_in_any_message()
    {
        Reply[] replies =
        [
            new("hi @everyone"),
            new("x") { Visibility = Visibility.Public, Title = "t", Fields = [new("a", "b")] },
            new("x") { Buttons = [new("Go", Status)] },
            new(new string('x', 3000)),
        ];

        Assert.All(replies, reply =>
        {
            var json = Json(DiscordRenderer.Render(reply));
            Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", json, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Private_replies_are_ephemeral_and_public_ones_are_not()
    {
        Assert.Equal(64, DiscordRenderer.RenderMessage(new Reply("x")).Flags);
        Assert.Null(DiscordRenderer.RenderMessage(new Reply("x") { Visibility = Visibility.Public }).Flags);
    }

    [Fact]
    public void Text_title_and_fields_become_content_and_one_embed()
    {
        var message = DiscordRenderer.RenderMessage(new Reply("Your status") { Title = "Coffee", Fields = [new("Next round", "Monday", Inline: true)] });

        Assert.Equal("Your status", message.Content);
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal(("Coffee", "Next round", "Monday", true), (embed.Title, embed.Fields![0].Name, embed.Fields[0].Value, embed.Fields[0].Inline));
        Assert.Null(embed.Color);
    }

    [Fact]
    public void An_error_is_a_red_embed_even_when_short()
    {
        var message = DiscordRenderer.RenderMessage(Reply.Error("There is no event “x”."));

        Assert.Null(message.Content);
        var embed = Assert.Single(message.Embeds!);
        Assert.Equal(("There is no event “x”.", 0xED4245), (embed.Description, embed.Color));
    }

    [Fact]
    public void Six_buttons_make_two_rows_with_styles_and_encoded_actions()
    {
        var buttons = Enumerable.Range(0, 6).Select(i => new ReplyButton($"B{i}", CommandInvocation.Of("coffee met", ("group", $"g{i}"), ("answer", "yes")), ButtonStyle.Success)).ToList();

        var rows = DiscordRenderer.RenderMessage(new Reply("Did you meet?") { Buttons = buttons }).Components!;

        Assert.Equal([5, 1], rows.Select(r => r.Components!.Count));
        Assert.All(rows, r => Assert.Equal(ComponentType.ActionRow, r.Type));
        var first = rows[0].Components![0];
        Assert.Equal((ComponentType.Button, 3, "nb1|coffee met|group=g0|answer=yes"), (first.Type, first.Style, first.CustomId));
    }

    [Fact]
    public void A_select_gets_its_own_row_and_its_custom_id_names_the_option()
    {
        var select = new ReplySelect("Pick one", CommandInvocation.Of("coffee met", ("group", "g7")), "answer", [new("Yes", "yes"), new("No", "no")]);

        var rows = DiscordRenderer.RenderMessage(new Reply("?") { Select = select, Buttons = [new("Status", Status)] }).Components!;

        Assert.Equal(2, rows.Count);
        var menu = Assert.Single(rows[0].Components!);
        Assert.Equal((ComponentType.StringSelect, "Pick one", 1, 1), (menu.Type, menu.Placeholder, menu.MinValues, menu.MaxValues));
        Assert.Equal(["yes", "no"], menu.Options!.Select(o => o.Value));
        Assert.True(CustomIds.TryDecode(menu.CustomId, out var action, out var option));
        Assert.Equal(("coffee met", "answer"), (action.Path, option));
    }

    [Fact]
    public void A_ten_thousand_character_text_is_cut_into_an_embed_not_refused()
    {
        var message = DiscordRenderer.RenderMessage(new Reply(new string('x', 10_000)));

        Assert.Null(message.Content);
        var description = Assert.Single(message.Embeds!).Description!;
        Assert.Equal(DiscordRenderer.MaxEmbedDescriptionLength, description.Length);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_fields_end_in_one_saying_how_many_were_left_out()
    {
        var fields = Enumerable.Range(0, 40).Select(i => new ReplyField($"n{i}", $"v{i}")).ToList();

        var embed = Assert.Single(DiscordRenderer.RenderMessage(new Reply("x") { Fields = fields }).Embeds!);

        Assert.Equal(25, embed.Fields!.Count);
        Assert.Equal(("…", "+16"), (embed.Fields[^1].Name, embed.Fields[^1].Value));
    }

    [Fact]
    public void A_form_becomes_a_modal_with_at_most_five_labelled_text_inputs()
    {
        var fields = Enumerable.Range(0, 7).Select(i => new FormField($"f{i}", $"Field {i}", Multiline: i == 0, Required: i == 1, MaxLength: 280, Value: i == 0 ? "prefilled" : null)).ToList();

        var response = DiscordRenderer.Render(new Reply("ignored") { Form = new ReplyForm("Write your self-introduction for the community", "intro set", fields) });

        Assert.Equal(InteractionCallbackType.Modal, response.Type);
        var modal = response.Data!;
        Assert.True(modal.Title!.Length <= 45);
        Assert.True(CustomIds.TryDecode(modal.CustomId, out var submit, out _));
        Assert.Equal("intro set", submit.Path);
        Assert.Equal(5, modal.Components!.Count);
        Assert.All(modal.Components, label => Assert.Equal((ComponentType.Label, ComponentType.TextInput), (label.Type, label.Component!.Type)));
        var first = modal.Components[0];
        Assert.Equal(("Field 0", "f0", 2, 280, "prefilled", false), (first.Label, first.Component!.CustomId, first.Component.Style, first.Component.MaxLength, first.Component.Value, first.Component.Required));
        Assert.Equal((1, true), (modal.Components[1].Component!.Style, modal.Components[1].Component!.Required));
        Assert.Null(modal.AllowedMentions);
    }

    [Fact]
    public void Rendered_modals_have_the_shape_of_discords_own_example()
    {
        var json = Json(DiscordRenderer.Render(new Reply("") { Form = new ReplyForm("Game Feedback", "intro set", [new("game_feedback", "What did you find interesting?", true, true, 4000, null)]) }));

        Assert.Equal(
            """{"type":9,"data":{"custom_id":"nb1|intro set","title":"Game Feedback","components":[{"type":18,"label":"What did you find interesting?","component":{"type":4,"custom_id":"game_feedback","style":2,"required":true,"max_length":4000}}]}}""",
            json);
    }

    [Fact]
    public void Actions_that_cannot_round_trip_are_bugs_reported_when_rendering()
    {
        var longValue = new ReplySelect("Pick", Status, "answer", [new("Long", new string('v', 101))]);
        var longAction = new ReplyButton("Go", CommandInvocation.Of("interests join", ("name", new string('n', 100))));
        var longField = new ReplyForm("Form", "intro set", [new(new string('f', 101), "Label", false, false, 10, null)]);

        Assert.Throws<InvalidOperationException>(() => DiscordRenderer.Render(new Reply("x") { Select = longValue }));
        Assert.Throws<InvalidOperationException>(() => DiscordRenderer.Render(new Reply("x") { Buttons = [longAction] }));
        Assert.Throws<InvalidOperationException>(() => DiscordRenderer.Render(new Reply("x") { Form = longField }));
    }

    [Fact]
    public void Repeated_actions_and_choices_are_shown_once_because_discord_refuses_duplicate_ids()
    {
        var message = DiscordRenderer.RenderMessage(new Reply("x")
        {
            Buttons = [new("A", Status), new("B", Status)],
            Select = new ReplySelect("Pick", Status, "answer", [new("Yes", "yes"), new("Yes again", "yes")]),
        });

        Assert.Single(message.Components![0].Components![0].Options!);
        Assert.Equal("A", Assert.Single(message.Components[1].Components!).Label);
    }

    [Fact]
    public void An_empty_reply_still_says_something()
    {
        Assert.Equal("…", DiscordRenderer.RenderMessage(new Reply(string.Empty)).Content);
    }

    [Fact]
    public void The_components_v2_flag_is_never_set_because_messages_carry_content()
    {
        var message = DiscordRenderer.RenderMessage(new Reply("x") { Buttons = [new("Go", Status)] });

        Assert.Equal(0, (message.Flags ?? 0) & InteractionCallbackData.ComponentsV2Flag);
    }

    [Fact]
    public void Autocomplete_answers_hold_at_most_25_choices()
    {
        var response = DiscordRenderer.RenderAutocomplete(Enumerable.Range(0, 40).Select(i => new SelectChoice($"Group {i}", $"g{i}")));

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, response.Type);
        Assert.Equal(25, response.Data!.Choices!.Count);
    }

    [Property]
    public Property Any_reply_renders_within_every_discord_limit()
    {
        return Prop.ForAll(Replies, reply =>
        {
            var response = DiscordRenderer.Render(reply);
            return response.Type == InteractionCallbackType.Modal ? DiscordLimits.Modal(response.Data!) : DiscordLimits.Message(response.Data!);
        });
    }

    private static readonly Gen<string> AnyText =
        from length in Gen.Frequency((6, Gen.Choose(0, 40)), (2, Gen.Choose(0, 3000)), (1, Gen.Choose(0, 12_000)))
        from c in Gen.Elements('a', 'é', '日', ' ', '|', '=', '@', '\n')
        select new string(c, length);

    private static readonly Gen<CommandInvocation> Actions =
        from path in Gen.Elements("coffee met", "interests join", "help")
        from number in Gen.Choose(0, 9999)
        select CommandInvocation.Of(path, ("group", $"g{number}"));

    private static readonly Arbitrary<Reply> Replies = (
        from text in AnyText
        from title in Gen.OneOf(Gen.Constant<string?>(null), AnyText.Select(t => (string?)t))
        from fields in Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Zip(AnyText, AnyText), n))
        from buttons in Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Zip(AnyText, Actions), n))
        from choices in Gen.Choose(0, 40)
        from hasSelect in Gen.Elements(true, false)
        from formFields in Gen.Choose(0, 8).SelectMany(n => Gen.ArrayOf(Gen.Zip(AnyText, Gen.Choose(-5, 9000)), n))
        from isPublic in Gen.Elements(true, false)
        select new Reply(text)
        {
            Title = title,
            Visibility = isPublic ? Visibility.Public : Visibility.Private,
            Fields = [.. fields.Select(f => new ReplyField(f.Item1, f.Item2))],
            Buttons = [.. buttons.Select(b => new ReplyButton(b.Item1, b.Item2))],
            Select = hasSelect ? new ReplySelect(text, Status, "answer", [.. Enumerable.Range(0, choices).Select(i => new SelectChoice(title ?? "", $"v{i}"))]) : null,
            Form = formFields.Length == 0 ? null : new ReplyForm(text, "intro set", [.. formFields.Select((f, i) => new FormField($"o{i}", f.Item1, i % 2 == 0, i % 3 == 0, f.Item2, f.Item1))]),
        }).ToArbitrary();

    private static string Json(InteractionResponse response) => JsonSerializer.Serialize(response, RenderingJsonContext.Default.InteractionResponse);
}
