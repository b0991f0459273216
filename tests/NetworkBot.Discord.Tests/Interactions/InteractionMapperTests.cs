using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Tests.Fixtures;
using static NetworkBot.Discord.Tests.Fixtures.InteractionJson;

namespace NetworkBot.Discord.Tests.Interactions;

public sealed class InteractionMapperTests
{
    [Fact]
    public void A_subcommand_group_becomes_a_three_word_path_in_the_guilds_community()
    {
        var body = InGuild(2, Command("admin interests create", Option("name", 3, "Go"), Option("description", 3, "Gophers")),
            Member("8589934591", nick: null, "111", "222"));
        body["locale"] = "ja";

        var request = Map<CommandInteraction>(body).Request;

        Assert.Equal(("admin interests create", "discord:" + GuildId, UserId), (request.Path, request.Community.Value, request.Caller.Value));
        Assert.Equal(("Go", "Gophers"), (request.Options["name"], request.Options["description"]));
        Assert.True(request.CallerIsPlatformManager);
        Assert.Equal(["111", "222"], request.CallerRoles);
        Assert.Equal(Language.Ja, request.Locale);
    }

    [Fact]
    public void Typed_options_become_invariant_strings_whatever_the_current_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var request = Map<CommandInteraction>(InGuild(2, Command("admin coffee schedule",
                Option("group-size", 4, 4), Option("ratio", 10, 1.5), Option("big", 4, 9007199254740991), Option("flag", 5, true),
                Option("member", 6, "81384788765712384"), Option("channel", 7, "41771983423143937"), Option("role", 8, "41771983423143936"),
                Option("who", 9, "81384788765712385")))).Request;

            Assert.Equal("admin coffee schedule", request.Path);
            Assert.Equal(("4", "1.5", "9007199254740991", "true"), (request.Options["group-size"], request.Options["ratio"], request.Options["big"], request.Options["flag"]));
            Assert.Equal(("81384788765712384", "41771983423143937", "41771983423143936", "81384788765712385"),
                (request.Options["member"], request.Options["channel"], request.Options["role"], request.Options["who"]));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("8589934591", true)] // every bit up to 1<<32
    [InlineData("8", true)] // ADMINISTRATOR
    [InlineData("32", true)] // MANAGE_GUILD
    [InlineData("1024", false)] // VIEW_CHANNEL only
    [InlineData("2048", false)]
    [InlineData("0", false)]
    [InlineData("not a number", false)]
    [InlineData("-8", false)]
    public void Manager_means_administrator_or_manage_server_in_the_permission_string(string permissions, bool manager)
    {
        var request = Map<CommandInteraction>(InGuild(2, Command("coffee status"), Member(permissions))).Request;

        Assert.Equal(manager, request.CallerIsPlatformManager);
    }

    [Fact]
    public void The_display_name_is_the_nick_then_the_global_name_then_the_username()
    {
        Assert.Equal("Nick", Map<CommandInteraction>(InGuild(2, Command("help"), Member(nick: "Nick"))).Request.CallerName);
        Assert.Equal("Mason", Map<CommandInteraction>(InGuild(2, Command("help"), Member())).Request.CallerName);
        var member = Member();
        member["user"]!["global_name"] = null;
        Assert.Equal("mason", Map<CommandInteraction>(InGuild(2, Command("help"), member)).Request.CallerName);
    }

    [Fact]
    public void A_command_or_a_component_outside_a_server_that_names_none_is_not_taken_anywhere()
    {
        var command = InDirectMessage(2, Command("coffee status"));
        var olderButton = InDirectMessage(3, new JsonObject { ["custom_id"] = CustomIds.Encode(CommandInvocation.Of("coffee skip")), ["component_type"] = 2 });

        Assert.Contains("outside a server", Map<NotUnderstoodInteraction>(command).Reason, StringComparison.Ordinal);
        Assert.Contains("names none", Map<NotUnderstoodInteraction>(olderButton).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_button_pressed_in_a_dm_acts_in_the_server_its_custom_id_names()
    {
        var action = CommandInvocation.Of("coffee met", ("group", "g7"), ("answer", "yes"));
        var body = InDirectMessage(3, new JsonObject { ["custom_id"] = CustomIds.Encode(action, guild: new Snowflake(81384788765712384)), ["component_type"] = 2 });

        var mapped = Map<CommandInteraction>(body);

        Assert.Equal(("discord:81384788765712384", "42", "coffee met"), (mapped.Request.Community.Value, mapped.Request.Caller.Value, mapped.Request.Path));
        Assert.True(mapped.Request.CommunityFromComponent);
        Assert.Equal(new Snowflake(81384788765712384), mapped.DeliveredOutside);
        Assert.False(mapped.Request.CallerIsPlatformManager);
    }

    [Fact]
    public void A_modal_opened_from_a_dm_submits_into_the_server_its_custom_id_names()
    {
        var body = InDirectMessage(5, new JsonObject
        {
            ["custom_id"] = CustomIds.Encode(CommandInvocation.Of("intro set"), guild: new Snowflake(81384788765712384)),
            ["components"] = new JsonArray(new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "pitch", ["value"] = "hi" } }),
        });

        var request = Map<CommandInteraction>(body).Request;

        Assert.Equal(("discord:81384788765712384", "hi"), (request.Community.Value, request.Options["pitch"]));
        Assert.True(request.CommunityFromComponent);
    }

    [Fact]
    public void A_custom_id_naming_another_server_than_the_one_it_was_pressed_in_does_nothing()
    {
        var customId = CustomIds.Encode(CommandInvocation.Of("events rsvp", ("event", "e1"), ("status", "going")), guild: new Snowflake(1234));

        var mapped = Map<NotUnderstoodInteraction>(InGuild(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }));

        Assert.Contains("another server", mapped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_id_naming_the_server_it_was_pressed_in_is_taken_from_the_server_as_usual()
    {
        var customId = CustomIds.Encode(CommandInvocation.Of("events rsvp", ("event", "e1"), ("status", "going")), guild: Snowflake.Parse(GuildId));

        var mapped = Map<CommandInteraction>(InGuild(3, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 }));

        Assert.False(mapped.Request.CommunityFromComponent);
        Assert.Null(mapped.DeliveredOutside);
        Assert.Equal("discord:" + GuildId, mapped.Request.Community.Value);
    }

    private static JsonObject InDirectMessage(int type, JsonObject data)
    {
        var body = InGuild(type, data);
        body.Remove("guild_id");
        body.Remove("member");
        body["user"] = new JsonObject { ["id"] = "42", ["username"] = "dm-user" };
        return body;
    }

    [Fact]
    public void Autocomplete_exposes_the_focused_option_and_what_was_typed()
    {
        var body = InGuild(4, Command("interests join", Option("name", 3, "pyth", focused: true)));

        var autocomplete = Map<AutocompleteInteraction>(body);

        Assert.Equal(("interests join", "name", "pyth"), (autocomplete.Request.Path, autocomplete.FocusedOption, autocomplete.PartialValue));
    }

    [Fact]
    public void A_button_runs_the_invocation_its_custom_id_carries()
    {
        var action = CommandInvocation.Of("coffee met", ("group", "g|7=x"), ("answer", "not-yet"));

        var request = Map<CommandInteraction>(InGuild(3, new JsonObject { ["custom_id"] = CustomIds.Encode(action), ["component_type"] = 2 })).Request;

        Assert.Equal(action.Path, request.Path);
        Assert.Equal(action.Options, request.Options);
    }

    [Fact]
    public void A_select_puts_the_chosen_value_into_its_option()
    {
        var customId = CustomIds.Encode(CommandInvocation.Of("coffee met", ("group", "g7")), "answer");

        var request = Map<CommandInteraction>(InGuild(3, new JsonObject
        {
            ["custom_id"] = customId,
            ["component_type"] = 3,
            ["values"] = new JsonArray("yes"),
        })).Request;

        Assert.Equal(("coffee met", "g7", "yes"), (request.Path, request.Options["group"], request.Options["answer"]));
    }

    [Fact]
    public void Both_modal_shapes_give_the_text_inputs_as_options_by_custom_id()
    {
        var label = new JsonObject { ["type"] = 18, ["id"] = 1, ["component"] = new JsonObject { ["type"] = 4, ["id"] = 2, ["custom_id"] = "pitch", ["value"] = "Hi" } };
        var row = new JsonObject { ["type"] = 1, ["components"] = new JsonArray(new JsonObject { ["type"] = 4, ["custom_id"] = "role", ["value"] = "" }) };
        var body = InGuild(5, new JsonObject { ["custom_id"] = "nb1|intro set", ["components"] = new JsonArray(label, row) });

        var request = Map<CommandInteraction>(body).Request;

        Assert.Equal("intro set", request.Path);
        Assert.Equal(("Hi", ""), (request.Options["pitch"], request.Options["role"])); // an emptied input clears the option
    }

    [Fact]
    public void A_form_rendered_by_us_comes_back_as_its_command_when_submitted()
    {
        var modal = DiscordRenderer.RenderModal(new ReplyForm("Intro", "intro set", [new("pitch", "Pitch", true, false, 280, "old")]));
        var submitted = new JsonArray([.. modal.Components!.Select(l => new JsonObject
        {
            ["type"] = 18,
            ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = l.Component!.CustomId, ["value"] = "new" },
        })]);

        var request = Map<CommandInteraction>(InGuild(5, new JsonObject { ["custom_id"] = modal.CustomId, ["components"] = submitted })).Request;

        Assert.Equal(("intro set", "new"), (request.Path, request.Options["pitch"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type":"two"}""")]
    [InlineData("""{"type":2,"data":{"name":"help","type":1}}""")] // nobody invoked it
    [InlineData("""{"type":99,"user":{"id":"1","username":"u"}}""")]
    [InlineData("""{"type":2,"user":{"id":"1","username":"u"},"data":{"name":"help","type":2}}""")] // a user command
    [InlineData("""{"type":2,"user":{"id":"1","username":"u"},"data":{"name":"x","options":[{"name":"a","type":3,"value":{"o":1}}]}}""")]
    [InlineData("""{"type":2,"user":{"id":"1","username":"u"},"data":{"name":"x","options":[{"name":"a","type":3,"value":"1"},{"name":"a","type":3,"value":"2"}]}}""")]
    [InlineData("""{"type":4,"user":{"id":"1","username":"u"},"data":{"name":"x","options":[{"name":"a","type":3,"value":"1"}]}}""")] // nothing focused
    [InlineData("""{"type":3,"user":{"id":"1","username":"u"},"data":{"custom_id":"click_one","component_type":2}}""")]
    [InlineData("""{"type":3,"user":{"id":"1","username":"u"},"data":{"custom_id":"nb1s|answer|coffee met","component_type":3,"values":[]}}""")]
    [InlineData("""{"type":5,"user":{"id":"1","username":"u"},"data":{"custom_id":"nb1s|a|intro set","components":[]}}""")]
    [InlineData("""{"type":5,"user":{"id":"1","username":"u"},"data":{"custom_id":"nb1|intro set","components":[{"type":4,"custom_id":"a","value":"1"},{"type":4,"custom_id":"a","value":"2"}]}}""")]
    public void What_it_cannot_use_is_not_understood_rather_than_an_exception(string json)
    {
        Assert.IsType<NotUnderstoodInteraction>(InteractionMapper.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void An_interaction_create_dispatch_maps_straight_from_the_gateway_payload()
    {
        var frame = new JsonObject { ["op"] = 0, ["s"] = 5, ["t"] = "INTERACTION_CREATE", ["d"] = InGuild(2, Command("coffee join")) };
        Assert.True(NetworkBot.Discord.Gateway.GatewayPayload.TryParse(Encoding.UTF8.GetBytes(frame.ToJsonString()), out var payload));

        Assert.Equal("coffee join", Assert.IsType<CommandInteraction>(InteractionMapper.Parse(payload.D)).Request.Path);
        Assert.IsType<NotUnderstoodInteraction>(InteractionMapper.Parse(default(System.Text.Json.JsonElement)));
    }

    [Fact]
    public void A_ping_is_a_ping()
    {
        Assert.IsType<PingInteraction>(InteractionMapper.Parse("""{"type":1,"id":"1","token":"t"}"""u8));
    }

    [Property]
    public bool Arbitrary_bytes_never_make_the_mapper_throw(string? text) =>
        InteractionMapper.Parse(Encoding.UTF8.GetBytes(text ?? string.Empty)) is not null;

    [Fact]
    public void An_option_or_subcommand_without_a_name_is_not_understood_rather_than_a_crash()
    {
        var unnamedOption = InGuild(2, Command("coffee pause", Option("until", 3, "2026-12-24")));
        unnamedOption["data"]!["options"]![0]!["options"]![0]!["name"] = null;
        var unnamedSubcommand = InGuild(2, Command("coffee pause", Option("until", 3, "2026-12-24")));
        unnamedSubcommand["data"]!["options"]![0]!["name"] = null;

        Assert.IsType<NotUnderstoodInteraction>(Map(unnamedOption));
        Assert.IsType<NotUnderstoodInteraction>(Map(unnamedSubcommand));
    }

    [Property]
    public Property Fixture_shapes_with_random_values_in_place_of_strings_never_make_the_mapper_throw()
    {
        var fixtures = DiscordFixtures.Names.Where(n => n.StartsWith("interaction_", StringComparison.Ordinal)).Select(DiscordFixtures.Object).ToArray();
        var arbitrary = (from fixture in Gen.Elements(fixtures)
                         from replacement in Gen.Elements<JsonNode?>(null, 0, -1, 1.5, true, "x", new JsonArray(), new JsonObject())
                         from seed in Gen.Choose(0, int.MaxValue)
                         select (Fixture: fixture, Replacement: replacement, Seed: seed)).ToArbitrary();

        return Prop.ForAll(arbitrary, c =>
        {
            var copy = c.Fixture.DeepClone();
            var values = Descendants(copy).Where(n => n is JsonValue && n.Parent is not null).ToList();
            var victim = values[c.Seed % values.Count];
            Replace(victim, c.Replacement?.DeepClone());
            return InteractionMapper.Parse(Encoding.UTF8.GetBytes(copy.ToJsonString())) is not null;
        });
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants).Prepend(node),
        _ => [node],
    };

    private static void Replace(JsonNode node, JsonNode? replacement)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = replacement;
                break;
            case JsonArray parent:
                parent[node.GetElementIndex()] = replacement;
                break;
        }
    }
}
