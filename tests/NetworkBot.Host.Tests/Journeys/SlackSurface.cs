using System.Globalization;
using System.Text.Json.Nodes;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Storage;
using NetworkBot.Slack;
using NetworkBot.Slack.Tests.Fakes;

namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// The real <c>networkbot run</c> against the fake Slack Web API, whatever carries Slack's requests to it (Socket Mode
/// or HTTP mode: <see cref="SendAsync"/>). A member types <c>/network …</c> in #general; what the bot delivers is read
/// from its <c>chat.postMessage</c> calls (a DM or group DM it opened with <c>conversations.open</c> for those members,
/// or a channel) and its <c>views.publish</c> of a member's App Home; a button is pressed as Slack sends it from where
/// it was shown; a form is the modal the bot opened with <c>views.open</c>, submitted with its inputs' state.
/// An answer is whatever the bot answered with: the acknowledgement, a <c>response_url</c> post, <c>chat.postEphemeral</c>,
/// the redrawn message (<c>chat.update</c>), a modal, or — where there is nowhere else — a DM.
/// </summary>
public abstract class SlackSurface : IJourneySurface
{
    private const string BotToken = "xoxb-journey-bot-token";
    private const string SlashCommand = "/network";

    /// <summary>Socket Mode's envelope types, which also name what HTTP mode posts where.</summary>
    protected const string Command = "slash_commands";
    protected const string Interactive = "interactive";
    protected const string Events = "events_api";

    private readonly JourneyRun run;
    private readonly Dictionary<string, string> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> readUpTo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> spacesReadUpTo = new(StringComparer.Ordinal);
    private FakeSlackApi? api;
    private string manager = string.Empty;
    private int interactions;

    protected SlackSurface() => run = new JourneyRun(Clock);

    public CommunityId Community { get; } = SlackPlatform.CommunityFor(FakeSlackApi.TeamId);

    public string Provider { get => run.Provider; init => run.Provider = value; }

    public JourneyClock Clock { get; } = new();

    public IStore Store => run.Store;

    public string ConnectionString => run.ConnectionString;

    protected FakeSlackApi Api => api ?? throw new InvalidOperationException("Start the surface first.");

    public async Task StartAsync(string manager, CancellationToken ct)
    {
        this.manager = manager;
        api = await FakeSlackApi.StartAsync();
        foreach (var (name, id) in users)
        {
            AddUser(name, id);
        }

        User(manager);
        Channel("general");
        run.Settings["Slack:BotToken"] = BotToken;
        run.Settings["Slack:ApiBaseUrl"] = api.BaseUrl.ToString();
        await ConfigureAsync(run.Settings, ct);
        await run.StartAsync(ReadyAsync, ct);
    }

    public MemberId Id(string member) => new(User(member));

    public string Mention(string member) => $"<@{User(member)}>";

    /// <summary>As Slack writes a channel the member picked in the command text: <c>&lt;#C…|name&gt;</c>.</summary>
    public string Channel(string name)
    {
        if (!channels.TryGetValue(name, out var id))
        {
            channels[name] = id = Api.AddChannel(name);
        }

        return $"<#{id}|{name}>";
    }

    public async Task<Seen> RunAsync(string member, string line, CancellationToken ct)
    {
        Assert.StartsWith("/", line, StringComparison.Ordinal);
        var n = NextInteraction();
        var channel = ChannelId("general");
        var fields = new JsonObject
        {
            ["token"] = "journey-verification-token",
            ["team_id"] = FakeSlackApi.TeamId,
            ["team_domain"] = "networkbot-test",
            ["channel_id"] = channel,
            ["channel_name"] = "general",
            ["user_id"] = User(member),
            ["user_name"] = Handle(member),
            ["command"] = SlashCommand,
            ["text"] = line[1..],
            ["api_app_id"] = FakeSlackSocket.AppId,
            ["is_enterprise_install"] = "false",
            ["response_url"] = Api.ResponseUrl(Hook(n)).ToString(),
            ["trigger_id"] = Trigger(n),
        };
        var from = Api.Calls.Count;
        var ack = await SendAsync(Command, fields, ct);
        var answeredIn = new SlackShown([], channel, null, null, Ephemeral: true);
        return ack is { Count: > 0 } ? Answer(ack, answeredIn) : await AnswerAsync(member, n, from, answeredIn, ct);
    }

    public async Task<Seen> SubmitAsync(string member, Seen form, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        Assert.True(form.IsForm, $"Not a form: {form}");
        var view = ((SlackShown)form.Source).Body;
        Assert.All(values.Keys, field => Assert.Contains(field, form.FormFields!));

        // Slack sends every input of the modal: what the member typed, the initial value of one they left alone, or null.
        var state = new JsonObject();
        foreach (var input in SlackBlocks.Blocks(view).Where(b => (string?)b["type"] == "input"))
        {
            var element = input["element"]!;
            var action = (string)element["action_id"]!;
            var value = values.TryGetValue((string)input["block_id"]!, out var typed) ? typed : (string?)element["initial_value"];
            state[(string)input["block_id"]!] = new JsonObject { [action] = new JsonObject { ["type"] = element["type"]!.DeepClone(), ["value"] = value } };
        }

        var n = NextInteraction();
        var payload = new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "networkbot-test" },
            ["user"] = UserJson(member),
            ["api_app_id"] = FakeSlackSocket.AppId,
            ["token"] = "journey-verification-token",
            ["trigger_id"] = Trigger(n),
            ["view"] = new JsonObject
            {
                ["id"] = view["id"]!.DeepClone(),
                ["team_id"] = FakeSlackApi.TeamId,
                ["type"] = "modal",
                ["callback_id"] = view["callback_id"]?.DeepClone(),
                ["private_metadata"] = view["private_metadata"]?.DeepClone(),
                ["blocks"] = view["blocks"]?.DeepClone(),
                ["state"] = new JsonObject { ["values"] = state },
                ["hash"] = view["hash"]?.DeepClone(),
            },
            ["response_urls"] = new JsonArray(),
        };
        var from = Api.Calls.Count;
        var ack = await SendAsync(Interactive, payload, ct);
        if ((string?)ack?["response_action"] == "errors")
        {
            var errors = ack!["errors"]!.AsObject().Select(e => $"{e.Key}: {(string?)e.Value}");
            return form with { Where = Place.Answer, Text = ":warning: " + string.Join('\n', errors) };
        }

        return await AnswerAsync(member, n, from, (SlackShown)form.Source, ct);
    }

    public async Task<Seen> PressAsync(string member, Seen seen, string button, CancellationToken ct)
    {
        // Slack sends presses only of members who see the message; a press by anyone else is sent all the same, as a
        // forged request would come, so the bot's own check of who may answer is walked too.
        var shown = (SlackShown)seen.Source;
        var action = SlackBlocks.Controls(shown.Body).FirstOrDefault(c => c.Label == button).Action
            ?? throw new Xunit.Sdk.XunitException($"No button or choice “{button}” on {seen}");

        var n = NextInteraction();
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = UserJson(member),
            ["api_app_id"] = FakeSlackSocket.AppId,
            ["token"] = "journey-verification-token",
            ["trigger_id"] = Trigger(n),
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId, ["domain"] = "networkbot-test" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["actions"] = new JsonArray(action),
        };
        action["action_ts"] = Ts(n);
        if (shown.ViewId is { } viewId)
        {
            // App Home (or a modal): Slack gives no channel and no response_url.
            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = viewId };
            var view = (JsonObject)shown.Body.DeepClone();
            view["id"] = viewId;
            payload["view"] = view;
        }
        else
        {
            var ts = shown.Ts ?? Ts(n);
            payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = shown.Channel, ["is_ephemeral"] = shown.Ephemeral };
            payload["channel"] = new JsonObject { ["id"] = shown.Channel, ["name"] = ChannelName(shown.Channel!) };
            payload["response_url"] = Api.ResponseUrl(Hook(n)).ToString();
            if (!shown.Ephemeral)
            {
                var message = (JsonObject)shown.Body.DeepClone();
                message["type"] = "message";
                message["user"] = FakeSlackApi.BotUserId;
                message["bot_id"] = FakeSlackApi.BotId;
                message["team"] = FakeSlackApi.TeamId;
                message["ts"] = ts;
                payload["message"] = message;
            }
        }

        var from = Api.Calls.Count;
        await SendAsync(Interactive, payload, ct);
        return await AnswerAsync(member, n, from, shown, ct);
    }

    public async Task<Seen> NextAsync(string member, Func<Seen, bool> match, CancellationToken ct)
    {
        var user = User(member);
        var from = readUpTo.GetValueOrDefault(user);
        try
        {
            var (index, seen) = await Api.WaitUntilAsync(
                () => Api.Calls.Skip(from).Select((call, i) => (Index: from + i, Seen: Delivered(call, user))).Where(d => d.Seen is { } s && match(s)).Select(d => Tuple.Create(d.Index, d.Seen!)).FirstOrDefault(),
                ct);
            readUpTo[user] = index + 1;
            return seen;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var sent = Api.Calls.Skip(from).Select(c => $"{c.Method} {c.Arg("channel") ?? c.Arg("user_id") ?? c.Arg("users")} {Shorten(c.Arg("text"))}");
            throw new Xunit.Sdk.XunitException($"No message to {member} matched. Since then the bot called:\n{string.Join('\n', sent)}");
        }
    }

    public (bool Role, bool Channel) InterestSpace => (false, true);

    public bool AnswersPrivately => true;

    public bool FilesInDirectMessages => true;

    /// <summary>A member deactivated in the workspace: Slack sends <c>user_change</c> with <c>deleted: true</c>.</summary>
    public Task LeaveAsync(string member, CancellationToken ct)
    {
        var user = UserJson(member);
        user["deleted"] = true;
        return EventAsync(new JsonObject { ["type"] = "user_change", ["user"] = user }, ct);
    }

    /// <summary>Sends <paramref name="event"/> as the Events API does, in an <c>event_callback</c> with a fresh id.</summary>
    private Task<JsonObject?> EventAsync(JsonObject @event, CancellationToken ct)
    {
        var n = NextInteraction();
        @event["event_ts"] = Ts(n);
        return SendAsync(Events, new JsonObject
        {
            ["token"] = "journey-verification-token",
            ["team_id"] = FakeSlackApi.TeamId,
            ["api_app_id"] = FakeSlackSocket.AppId,
            ["type"] = "event_callback",
            ["event_id"] = $"Ev{n:D8}",
            ["event_time"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = @event,
        }, ct);
    }

    public Task<Uri> FollowAsync(Uri link, CancellationToken ct) => Task.FromResult(link);

    /// <summary>The bot invited the member to the group's channel (<c>conversations.invite</c>), or removed them (<c>conversations.kick</c>).</summary>
    public async Task SpaceChangedAsync(string member, Interest interest, bool joined, CancellationToken ct)
    {
        var user = User(member);
        var key = $"{user} {interest.ChannelRef} {joined}";
        var from = spacesReadUpTo.GetValueOrDefault(key);
        var asked = await Api.WaitUntilAsync(
            () => Api.Calls.Skip(from).Select((call, i) => Tuple.Create(from + i, call)).FirstOrDefault(c => c.Item2.Arg("channel") == interest.ChannelRef && (joined
                ? c.Item2.Method == "conversations.invite" && (c.Item2.Arg("users") ?? string.Empty).Split(',').Contains(user)
                : c.Item2.Method == "conversations.kick" && c.Item2.Arg("user") == user)),
            ct);
        spacesReadUpTo[key] = asked.Item1 + 1;
    }

    /// <summary>The member opens the bot's App Home tab: Slack sends <c>app_home_opened</c>, and the bot publishes the view afresh.</summary>
    public async Task<Seen?> HomeAsync(string member, CancellationToken ct)
    {
        var user = User(member);
        var from = Api.Calls.Count;
        await EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = user, ["channel"] = $"D{user}", ["tab"] = "home" }, ct);
        var published = await Api.WaitUntilAsync(() => Api.Calls.Skip(from).FirstOrDefault(c => c.Method == "views.publish" && c.Arg("user_id") == user && c.Answer is not null), ct);
        return Delivered(published, user)!;
    }

    public Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        Clock.Advance(by);
        return Task.CompletedTask;
    }

    /// <summary>The settings of the transport: an app token for Socket Mode, a signing secret and a listener for HTTP mode.</summary>
    protected abstract Task ConfigureAsync(Dictionary<string, string?> settings, CancellationToken ct);

    /// <summary>Completes once the bot takes requests (Socket Mode connected, or the listener answering).</summary>
    protected abstract Task ReadyAsync(CancellationToken ct);

    /// <summary>Hands <paramref name="payload"/> to the bot as Slack does for <paramref name="type"/>; returns the acknowledgement's payload (null for none).</summary>
    protected abstract Task<JsonObject?> SendAsync(string type, JsonObject payload, CancellationToken ct);

    /// <summary>What a request made the bot say to <paramref name="member"/>, by whichever way it chose, after call <paramref name="from"/>.</summary>
    private async Task<Seen> AnswerAsync(string member, int n, int from, SlackShown source, CancellationToken ct)
    {
        var user = User(member);
        var (trigger, hook) = (Trigger(n), Hook(n));
        try
        {
            return await Api.WaitUntilAsync(() => FindAnswer(), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var calls = Api.Calls.Skip(from).Select(c => $"{c.Method} {Shorten(c.Body)}");
            throw new Xunit.Sdk.XunitException($"{member} got no answer. Since then the bot called:\n{string.Join('\n', calls)}");
        }

        Seen? FindAnswer()
        {
            if (Api.HookPosts.FirstOrDefault(h => h.Id == hook) is { } posted)
            {
                var redraws = posted.Body["replace_original"]?.GetValue<bool>() == true;
                return Answer(posted.Body, redraws ? source : source with { Ts = null, ViewId = null, Ephemeral = true });
            }

            foreach (var call in Api.Calls.Skip(from).Where(c => c.Answer?["ok"]?.GetValue<bool>() == true))
            {
                switch (call.Method)
                {
                    case "views.open" when call.Arg("trigger_id") == trigger:
                        var view = call.Answer!["view"]!.AsObject();
                        return SlackBlocks.Read(Place.Answer, new SlackShown(view, source.Channel, null, (string?)view["id"]), Name);
                    case "chat.update" when call.Arg("ts") == source.Ts && call.Arg("channel") == source.Channel:
                        return Answer(call.Args, source);
                    case "chat.postEphemeral" when call.Arg("user") == user:
                        return Answer(call.Args, new SlackShown([], call.Arg("channel"), (string?)call.Answer!["message_ts"], null, Ephemeral: true));
                    case "chat.postMessage" when source.Channel is null && Delivered(call, user) is { Where: Place.Direct } direct:
                        // Nowhere to answer beside (App Home, a modal opened there): the bot writes to the member's DM.
                        return direct with { Where = Place.Answer };
                }
            }

            return null;
        }
    }

    /// <summary>The message or App Home a call showed to <paramref name="user"/>, when it reached them.</summary>
    private Seen? Delivered(FakeSlackApi.Call call, string user)
    {
        if (call.Answer?["ok"]?.GetValue<bool>() != true)
        {
            return null;
        }

        if (call.Method == "views.publish")
        {
            var view = call.Answer["view"]!.AsObject();
            return call.Arg("user_id") == user ? SlackBlocks.Read(Place.Home, new SlackShown(view, null, null, (string?)view["id"]), Name) : null;
        }

        if (call.Method == "files.completeUploadExternal")
        {
            return Api.OpenedFor(call.Arg("channel_id")!) is [var reader] && reader == user ? Uploaded(call) : null;
        }

        if (call.Method != "chat.postMessage")
        {
            return null;
        }

        var channel = (string)call.Answer["channel"]!;
        var ts = (string)call.Answer["ts"]!;
        var (where, readers) = Api.OpenedFor(channel) switch
        {
            [var one] => (Place.Direct, new[] { one }),
            { } several => (Place.Group, several.ToArray()),
            null when channel.StartsWith('U') => (Place.Direct, new[] { channel }),
            null => (Place.Channel, Array.Empty<string>()),
        };
        return readers.Length == 0 || readers.Contains(user) ? SlackBlocks.Read(where, new SlackShown(call.Args, channel, ts, null), Name) : null;
    }

    /// <summary>
    /// A file shared in a DM: its title from <c>files.completeUploadExternal</c>, its bytes from the upload before it (the
    /// fake records the upload as a call named by the file's id).
    /// </summary>
    private Seen Uploaded(FakeSlackApi.Call complete)
    {
        var file = JsonNode.Parse(complete.Arg("files")!)!.AsArray().Single()!;
        var upload = Api.Calls.TakeWhile(c => !ReferenceEquals(c, complete)).Last(c => c.Method == (string)file["id"]!);
        var title = (string)file["title"]!;
        return new Seen(Place.Direct, title, [], new SlackShown(complete.Args, complete.Arg("channel_id"), null, null)) { File = new SeenFile(title, upload.Body) };
    }

    private Seen Answer(JsonObject message, SlackShown where) => SlackBlocks.Read(Place.Answer, where with { Body = message }, Name);

    private JsonObject UserJson(string member) => new()
    {
        ["id"] = User(member),
        ["username"] = Handle(member),
        ["name"] = Handle(member),
        ["team_id"] = FakeSlackApi.TeamId,
    };

    /// <summary>A member's user id: <c>U</c> and their name in capitals, as Slack ids are written.</summary>
    private string User(string member)
    {
        if (!users.TryGetValue(member, out var id))
        {
            id = "U0" + string.Concat(member.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit));
            Assert.DoesNotContain(id, users.Values);
            users[member] = id;
            if (api is not null)
            {
                AddUser(member, id);
            }
        }

        return id;
    }

    /// <summary>The member as <c>users.info</c> tells of them: shown by their name, and a workspace admin if they manage the community.</summary>
    private void AddUser(string member, string id) => Api.AddUser(id, Handle(member), isAdmin: member == manager, displayName: member);

    /// <summary>The legacy handle Slack puts in <c>user_name</c>, in lower case; nobody sees it.</summary>
    private static string Handle(string member) => member.ToLowerInvariant();

    /// <summary>How the member's client names a user id: by the name the member has in the workspace.</summary>
    private string Name(string userId) => users.FirstOrDefault(u => u.Value == userId).Key ?? userId;

    private string ChannelId(string name)
    {
        Channel(name);
        return channels[name];
    }

    private string ChannelName(string id) =>
        channels.FirstOrDefault(c => c.Value == id).Key ?? (Api.OpenedFor(id) is [_] ? "directmessage" : "mpdm");

    private int NextInteraction() => Interlocked.Increment(ref interactions);

    private static string Trigger(int n) => $"{n}.4200.journey";

    private static string Hook(int n) => $"journey-{n}";

    private string Ts(int n) => $"{Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{n:D6}";

    private static string Shorten(string? text) => text is null ? string.Empty : text[..Math.Min(text.Length, 160)];

    public async ValueTask DisposeAsync()
    {
        await run.DisposeAsync();
        await DisposeTransportAsync();
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stops what <see cref="ConfigureAsync"/> started.</summary>
    protected abstract ValueTask DisposeTransportAsync();
}
