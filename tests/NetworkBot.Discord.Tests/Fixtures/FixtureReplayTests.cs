using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Core.Domain;
using NetworkBot.Discord.Commands;
using NetworkBot.Discord.Gateway;
using NetworkBot.Discord.Interactions;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;
using static NetworkBot.Discord.Tests.Fixtures.InteractionJson;

namespace NetworkBot.Discord.Tests.Fixtures;

/// <summary>
/// Every file in <c>tests/fixtures/discord</c> goes through the parser that owns its shape. A new fixture without
/// an entry in <see cref="Replays"/> fails, so nothing lands there untested.
/// </summary>
public sealed class FixtureReplayTests
{
    private static readonly Dictionary<string, Action<string>> Replays = new(StringComparer.Ordinal)
    {
        ["gateway_hello.docs.json"] = file => Assert.Equal(45000, Gateway(file, GatewayOpcode.Hello).DataAs(GatewayJsonContext.Default.HelloData)!.HeartbeatInterval),
        ["gateway_heartbeat.docs.json"] = file =>
        {
            Assert.Equal(251, Gateway(file, GatewayOpcode.Heartbeat).D.GetInt64());
            AssertSameJson(file, GatewayPayload.Heartbeat(251).ToUtf8Json());
        },
        ["gateway_heartbeat_ack.docs.json"] = file => Assert.Equal(JsonValueKind.Null, Gateway(file, GatewayOpcode.HeartbeatAck).D.ValueKind),
        ["gateway_identify_full.docs.json"] = file =>
        {
            var identify = Gateway(file, GatewayOpcode.Identify).DataAs(GatewayJsonContext.Default.IdentifyData)!;
            Assert.Equal(("my_token", (GatewayIntents)5, "linux", "disco"), (identify.Token, identify.Intents, identify.Properties.Os, identify.Properties.Browser));
            Assert.Equal([0, 1], identify.Shard!);
            Assert.Equal((250, true), (identify.LargeThreshold, identify.Compress));
        },
        ["gateway_identify_minimal.docs.json"] = file =>
        {
            var identify = Gateway(file, GatewayOpcode.Identify).DataAs(GatewayJsonContext.Default.IdentifyData)!;
            Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildMessages, identify.Intents);
            AssertSameJson(file, GatewayPayload.Identify(
                new IdentifyData("my_token", GatewayIntents.Guilds | GatewayIntents.GuildMessages, new("linux", "my_library", "my_library"))).ToUtf8Json());
        },
        ["gateway_invalid_session.docs.json"] = file => Assert.Equal(JsonValueKind.False, Gateway(file, GatewayOpcode.InvalidSession).D.ValueKind),
        ["gateway_reconnect.docs.json"] = file => Assert.Equal(JsonValueKind.Null, Gateway(file, GatewayOpcode.Reconnect).D.ValueKind),
        ["gateway_resume.docs.json"] = file =>
        {
            var resume = Gateway(file, GatewayOpcode.Resume).DataAs(GatewayJsonContext.Default.ResumeData)!;
            Assert.Equal(new ResumeData("my_token", "session_id_i_stored", 1337), resume);
            AssertSameJson(file, GatewayPayload.Resume(resume).ToUtf8Json());
        },
        ["rest_get_gateway_bot_response.docs.json"] = file =>
        {
            var info = JsonSerializer.Deserialize(DiscordFixtures.Bytes(file), DiscordRestJsonContext.Default.DiscordGatewayBot)!;
            Assert.Equal(("wss://gateway.discord.gg/", 9), (info.Url, info.Shards));
            Assert.Equal(new DiscordSessionStartLimit(1000, 999, 14400000, 1), info.SessionStartLimit);
        },

        ["interaction_create_chat_input.docs.json"] = file =>
        {
            var request = Map<CommandInteraction>(DiscordFixtures.Object(file)).Request;
            Assert.Equal(("discord:290926798626357999", "53908232506183680", "Mason", "cardsearch"), (request.Community.Value, request.Caller.Value, request.CallerName, request.Path));
            Assert.Equal("The Gitrog Monster", request.Options["cardname"]);
            Assert.True(request.CallerIsPlatformManager); // 2147483647 includes ADMINISTRATOR
            Assert.Equal(["539082325061836999"], request.CallerRoles);
            Assert.Equal((Language.En, "645027906669510667"), (request.Locale, request.Channel));
        },
        ["interaction_autocomplete_partial.docs.json"] = file =>
        {
            // The docs' example is partial: no member or user, so on its own it is not something to act on.
            Assert.IsType<NotUnderstoodInteraction>(Map(DiscordFixtures.Object(file)));
            var autocomplete = Map<AutocompleteInteraction>(WithCaller(DiscordFixtures.Object(file)));
            Assert.Equal(("airhorn", "variant", "data a user is typ"), (autocomplete.Request.Path, autocomplete.FocusedOption, autocomplete.PartialValue));
        },
        ["interaction_button_data_only.docs.json"] = file =>
        {
            Assert.Equal("click_me", Assert.IsType<NotUnderstoodInteraction>(Map(WithCaller(DiscordFixtures.Object(file)))).Source!.Data!.CustomId);
            var ours = Map<CommandInteraction>(WithCustomId(WithCaller(DiscordFixtures.Object(file)), "nb1|coffee status"));
            Assert.Equal("coffee status", ours.Request.Path);
        },
        ["interaction_message_component_button.docs.json"] = file =>
        {
            var foreign = Assert.IsType<NotUnderstoodInteraction>(Map(DiscordFixtures.Object(file)));
            Assert.Equal(("844397162624450620", "click_one"), (foreign.Source!.Message!.Id, foreign.Source.Message.Components![0].Components![0].CustomId));
            var request = Map<CommandInteraction>(WithCustomId(DiscordFixtures.Object(file), "nb1|coffee met|group=g7|answer=yes")).Request;
            Assert.Equal(("coffee met", "g7", "yes"), (request.Path, request.Options["group"], request.Options["answer"]));
            Assert.True(request.CallerIsPlatformManager); // 17179869183 = every bit up to 1<<33
        },
        ["interaction_message_component_string_select.docs.json"] = file =>
        {
            var foreign = Assert.IsType<NotUnderstoodInteraction>(Map(DiscordFixtures.Object(file)));
            Assert.Equal(["mage", "rogue"], foreign.Source!.Data!.Values!);
            var request = Map<CommandInteraction>(WithCustomId(DiscordFixtures.Object(file), "nb1s|class|intro set")).Request;
            Assert.Equal(("intro set", "mage,rogue", "Bot Man"), (request.Path, request.Options["class"], request.CallerName));
            Assert.Equal("discord:772904309264089089", request.Community.Value);
        },
        ["interaction_modal_submit_label_data_only.docs.json"] = file =>
        {
            var request = Map<CommandInteraction>(WithCustomId(WithCaller(DiscordFixtures.Object(file)), "nb1|intro set")).Request;
            Assert.Equal("The recent changes to acceleration feel much better, but shadows still need help", request.Options["game_feedback"]);
        },
        ["interaction_modal_submit_legacy_action_row.docs.json"] = file =>
        {
            Assert.IsType<NotUnderstoodInteraction>(Map(DiscordFixtures.Object(file))); // "cool_modal" is not ours
            var request = Map<CommandInteraction>(WithCustomId(DiscordFixtures.Object(file), "nb1|intro set")).Request;
            Assert.Equal(("intro set", "John", "Mason"), (request.Path, request.Options["name"], request.CallerName));
            Assert.Equal("772908445358620702", request.Channel);
        },

        ["interaction_response_modal_label_text_input.docs.json"] = file =>
        {
            var response = JsonSerializer.Deserialize(DiscordFixtures.Bytes(file), RenderingJsonContext.Default.InteractionResponse)!;
            Assert.Equal(InteractionCallbackType.Modal, response.Type);
            Assert.Equal(("game_feedback_modal", "Game Feedback"), (response.Data!.CustomId, response.Data.Title));
            var label = Assert.Single(response.Data.Components!);
            Assert.Equal((ComponentType.Label, ComponentType.TextInput), (label.Type, label.Component!.Type));
            Assert.Equal(("game_feedback", 2, 4000, true), (label.Component.CustomId, label.Component.Style, label.Component.MaxLength, label.Component.Required));
        },
        ["message_create_button_components_v2.docs.json"] = file =>
        {
            var message = JsonSerializer.Deserialize(DiscordFixtures.Bytes(file), RenderingJsonContext.Default.InteractionCallbackData)!;
            Assert.Equal(InteractionCallbackData.ComponentsV2Flag, message.Flags);
            var button = Assert.Single(Assert.Single(message.Components!).Components!);
            Assert.Equal((ComponentType.Button, "click_me", 1), (button.Type, button.CustomId, button.Style));
        },

        ["command_chat_input_choices.docs.json"] = file =>
        {
            var command = Command(file);
            Assert.Equal(("blep", ApplicationCommandOptionType.String, true), (command.Name, command.Options![0].Type, command.Options[0].Required));
            Assert.Equal(["animal_dog", "animal_cat", "animal_penguin"], command.Options[0].Choices!.Select(c => c.Value));
            Assert.Equal(ApplicationCommandOptionType.Boolean, command.Options[1].Type);
        },
        ["command_localized.docs.json"] = file =>
        {
            var command = Command(file);
            Assert.Equal(("生日", "祝你朋友生日快乐"), (command.NameLocalizations!["zh-CN"], command.DescriptionLocalizations!["zh-CN"]));
            Assert.Equal("岁数", command.Options![0].NameLocalizations!["zh-CN"]);
        },
        ["command_subcommand_groups_permissions.docs.json"] = file =>
        {
            var command = Command(file);
            Assert.All(command.Options!, group => Assert.Equal(ApplicationCommandOptionType.SubCommandGroup, group.Type));
            var get = command.Options![0].Options![0];
            Assert.Equal(("get", ApplicationCommandOptionType.SubCommand), (get.Name, get.Type));
            Assert.Equal([ApplicationCommandOptionType.User, ApplicationCommandOptionType.Channel], get.Options!.Select(o => o.Type));
        },

        // Rate-limit answers belong to the REST client; here only that they are the JSON it will read.
        ["rest_429_global.docs.json"] = file => AssertRateLimitBody(file, 64.57, global: true),
        ["rest_429_user.docs.json"] = file => AssertRateLimitBody(file, 64.57, global: false),
        ["rest_429_shared_resource.docs.json"] = file => AssertRateLimitBody(file, 1336.57, global: false),
        ["rest_429_global.docs.headers.json"] = file => AssertRateLimitHeaders(file, "global"),
        ["rest_429_user.docs.headers.json"] = file => AssertRateLimitHeaders(file, "user"),
        ["rest_429_shared_resource.docs.headers.json"] = file => AssertRateLimitHeaders(file, "shared"),
    };

    public static TheoryData<string> Files => new(DiscordFixtures.Names);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_discord_fixture_replays_through_its_parser(string file)
    {
        Assert.True(Replays.TryGetValue(file, out var replay), $"The fixture {file} has no parser mapping: add it to {nameof(FixtureReplayTests)}.{nameof(Replays)}.");
        replay(file);
    }

    [Fact]
    public void Every_replay_names_a_fixture_that_exists()
    {
        Assert.Empty(Replays.Keys.Except(DiscordFixtures.Names));
    }

    [Fact]
    public void Every_interaction_fixture_maps_without_throwing_even_partial_ones()
    {
        foreach (var file in DiscordFixtures.Names.Where(n => n.StartsWith("interaction_", StringComparison.Ordinal)))
        {
            Assert.NotNull(InteractionMapper.Parse(DiscordFixtures.Bytes(file)));
        }
    }

    [Fact]
    public void Every_command_fixture_passes_our_validation_of_discord_limits()
    {
        var commands = DiscordFixtures.Names.Where(n => n.StartsWith("command_", StringComparison.Ordinal)).Select(Command).ToList();
        Assert.Empty(CommandRegistration.Validate(commands));
    }

    private static GatewayPayload Gateway(string file, GatewayOpcode op)
    {
        Assert.True(GatewayPayload.TryParse(DiscordFixtures.Bytes(file), out var payload));
        Assert.Equal(op, payload.Op);
        Assert.Null(payload.S);
        return payload;
    }

    private static ApplicationCommand Command(string file) =>
        JsonSerializer.Deserialize(DiscordFixtures.Bytes(file), CommandJsonContext.Default.ApplicationCommand)!;

    private static void AssertSameJson(string file, byte[] actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(DiscordFixtures.Bytes(file)), JsonNode.Parse(actual)), $"We write {System.Text.Encoding.UTF8.GetString(actual)}");

    private static void AssertRateLimitBody(string file, double retryAfter, bool global)
    {
        var body = DiscordFixtures.Object(file);
        Assert.Equal((retryAfter, global), (body["retry_after"]!.GetValue<double>(), body["global"]!.GetValue<bool>()));
    }

    private static void AssertRateLimitHeaders(string file, string scope)
    {
        var fixture = DiscordFixtures.Object(file);
        Assert.StartsWith("HTTP/1.1 429", fixture["status_line"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(scope, fixture["headers"]!["X-RateLimit-Scope"]!.GetValue<string>());
    }
}
