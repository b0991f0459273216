using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkBot.Slack.Tests.Fixtures;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.Tests.WebApi;

/// <summary>
/// Every <c>web_*</c> answer in <c>tests/fixtures/slack</c> served by the fake and read by the real client: ok answers
/// parse into the typed results, error answers become <see cref="SlackApiException"/> with the fixture's code.
/// </summary>
public sealed class WebApiFixtureTests : IAsyncLifetime
{
    private static readonly SlackMessage Hello = new("hi", null);

    /// <summary>The client call that reads each method's answer.</summary>
    private static readonly Dictionary<string, Func<SlackApiClient, Task<object?>>> Calls = new(StringComparer.Ordinal)
    {
        ["chat.postMessage"] = async c => await c.PostMessageAsync("C1H9RESGL", Hello, null, default),
        ["conversations.create"] = async c => await c.CreateConversationAsync("endeavor", false, default),
        ["conversations.invite"] = async c =>
        {
            await c.InviteAsync("C012AB3CD", ["W012A3CDE"], default);
            return null;
        },
        ["conversations.join"] = async c => await c.JoinConversationAsync("C061EG9SL", default),
        ["conversations.open"] = async c => await c.OpenConversationAsync(["W012A3CDE"], default),
        ["users.info"] = async c => await c.GetUserAsync("W012A3CDE", default),
        ["views.open"] = async c => await c.OpenViewAsync("12345.98765.abcd", new JsonObject { ["type"] = "modal" }, default),
        ["views.publish"] = async c => await c.PublishViewAsync("W012A3CDE", new JsonObject { ["type"] = "home" }, default),
    };

    /// <summary>Methods NetworkBot calls that the tiers fixture (a subset of java-slack-sdk's table) leaves out, with their documented tiers.</summary>
    private static readonly Dictionary<string, string> TiersNotInFixture = new(StringComparer.Ordinal)
    {
        ["conversations.kick"] = "Tier3",
        ["conversations.list"] = "Tier2",
    };

    private SlackApiHarness harness = null!;

    public static TheoryData<string> Answers() =>
        [.. SlackFixtures.Named("web_").Where(n => n.Contains("_ok.", StringComparison.Ordinal) || n.Contains("_error.", StringComparison.Ordinal))];

    public async Task InitializeAsync() => harness = await SlackApiHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [MemberData(nameof(Answers))]
    public void Every_answer_says_whether_it_worked_as_its_name_does(string name)
    {
        var envelope = JsonSerializer.Deserialize(SlackFixtures.Text(name), SlackWebApiJsonContext.Default.SlackEnvelope)!;

        Assert.Equal(name.Contains("_ok.", StringComparison.Ordinal), envelope.Ok);
        Assert.Equal(envelope.Ok, string.IsNullOrEmpty(envelope.Error));
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_client_reads_every_answer_of_a_method_it_calls(string name)
    {
        var method = name["web_".Length..name.LastIndexOf('_')];
        method = method.Contains('.', StringComparison.Ordinal) ? method : method.Replace('_', '.'); // web_apps_connections_open_ok
        if (!Calls.TryGetValue(method, out var call))
        {
            Assert.Contains(method, new[] { "chat.scheduleMessage", "apps.connections.open" }); // not NetworkBot's (yet)
            return;
        }

        var fixture = SlackFixtures.Object(name);
        harness.Api.Handle(method, _ => fixture);

        if (fixture["ok"]!.GetValue<bool>())
        {
            var result = await call(harness.Client);
            AssertRead(method, result);
        }
        else
        {
            var thrown = await Assert.ThrowsAsync<SlackApiException>(() => call(harness.Client));
            Assert.Equal(fixture["error"]!.GetValue<string>(), thrown.Error);
            Assert.Equal(method, thrown.Method);
            foreach (var message in fixture["response_metadata"]?["messages"]?.AsArray() ?? [])
            {
                Assert.Contains(message!.GetValue<string>(), thrown.Details);
                Assert.Contains(message.GetValue<string>(), thrown.Message, StringComparison.Ordinal);
            }
        }

        Assert.Single(harness.Api.Calls); // a refusal is not retried
    }

    [Fact]
    public async Task Every_method_the_client_calls_has_a_known_rate_limit_tier()
    {
        var tiers = SlackFixtures.Object("web_api_rate_limit_tiers_subset.java-sdk-metadata.json");
        var client = harness.Client;
        var channel = harness.Api.AddChannel("tiers");
        await client.AuthTestAsync(default);
        var sent = await client.PostMessageAsync(channel, Hello, null, default);
        await client.UpdateMessageAsync(sent, Hello, default);
        await client.PostEphemeralAsync(channel, "U1", Hello, default);
        await client.OpenConversationAsync(["U1"], default);
        var created = await client.CreateConversationAsync("tiers-2", false, default);
        await client.JoinConversationAsync(created.Id, default);
        await client.InviteAsync(created.Id, ["U1"], default);
        await client.KickAsync(created.Id, "U1", default);
        await foreach (var _ in client.ListPublicChannelsAsync(default))
        {
        }

        await foreach (var _ in client.ListUsersAsync(default))
        {
        }

        await client.GetUserAsync("U0NETBOT", default);
        var view = await client.OpenViewAsync("t", new JsonObject { ["type"] = "modal" }, default);
        await client.UpdateViewAsync(view.Id, new JsonObject { ["type"] = "modal" }, null, default);
        await client.PublishViewAsync("U0NETBOT", new JsonObject { ["type"] = "home" }, default);

        foreach (var method in harness.Api.Calls.Select(c => c.Method).Distinct())
        {
            var tier = tiers[method]?.GetValue<string>() ?? TiersNotInFixture.GetValueOrDefault(method);
            Assert.True(tier is not null, $"{method} has no known tier");
            Assert.Matches("^(Tier[1-4]|SpecialTier_.+)$", tier);
        }
    }

    private static void AssertRead(string method, object? result)
    {
        switch (method)
        {
            case "chat.postMessage":
                Assert.Equal(new SlackMessageRef("C1H9RESGL", "1503435956.000247"), result);
                break;
            case "conversations.create":
                Assert.Equal(new SlackConversation("C0EAQDV4Z", "endeavor", IsMember: true), result);
                break;
            case "conversations.join":
                Assert.Equal("C061EG9SL", Assert.IsType<SlackConversation>(result).Id);
                break;
            case "conversations.open":
                Assert.Equal("D069C7QFK", result);
                break;
            case "users.info":
                var user = Assert.IsType<SlackUser>(result);
                Assert.Equal(("W012A3CDE", "T012AB3C4", "America/Los_Angeles"), (user.Id, user.TeamId, user.Tz));
                Assert.True(user.IsWorkspaceManager);
                Assert.Equal("spengler", user.Profile?.DisplayName);
                break;
            case "views.open" or "views.publish":
                var view = Assert.IsType<SlackView>(result);
                Assert.Equal("VMHU10V25", view.Id);
                Assert.Equal("156772938.1827394", view.Hash);
                Assert.Equal("Shh it is a secret", view.PrivateMetadata);
                break;
            case "conversations.invite":
                Assert.Null(result);
                break;
            default:
                Assert.Fail($"No check for {method}");
                break;
        }
    }
}
