using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkBot.Tests;

namespace NetworkBot.Slack.Tests.Fakes;

/// <summary>
/// A fake Slack Web API on Kestrel at 127.0.0.1, port 0, for <c>Slack:ApiBaseUrl</c>. It answers the methods NetworkBot
/// calls as Slack would (HTTP 200, <c>ok:true</c> with ids and ts, or <c>ok:false</c> with Slack's error code), keeps
/// the state those answers depend on (channels and their members, users, DMs, posted messages), and records every
/// call. Tests script errors, 429s and 5xx per method with <see cref="FailNext"/>, <see cref="RateLimitNext"/> and
/// <see cref="ServerErrorNext"/>, or replace a method's answer with <see cref="Handle"/>.
/// Opt-in, for the benchmarks: a delay per call (<see cref="AnswerAfter"/>) and Slack's rate limits (<see cref="LimitLikeSlack"/>);
/// every call and every 429 is counted per method in <see cref="Tally"/>.
/// Depends only on ASP.NET Core, System.Text.Json and the loopback helpers, so other test projects can link this file.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string TeamId = "T0NETWORK";
    public const string TeamName = "NetworkBot Test";
    public const string BotUserId = "U0NETBOT";
    public const string BotId = "B0NETBOT";

    /// <summary>Where <c>files.getUploadURLExternal</c> sends the bytes; the upload is recorded as a call named by the file id.</summary>
    public const string UploadPath = "files-upload";

    /// <summary>Where the <c>response_url</c>s of <see cref="ResponseUrl"/> point (outside <c>/api/</c>, like hooks.slack.com).</summary>
    public const string HooksPath = "/hooks/";

    private const string CursorPrefix = "next_";

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<Call> calls = [];
    private readonly List<PostedMessage> messages = [];
    private readonly List<HookPost> hookPosts = [];
    private readonly Dictionary<string, FakeChannel> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> conversationsByUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> usersByConversation = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<Scripted>> scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<Call, JsonObject>> handlers = new(StringComparer.Ordinal);
    private (TimeSpan Least, TimeSpan Most)? answerDelay;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FakeRate> channelPosts = new(StringComparer.Ordinal);
    private (FakeSlackLimits Limits, Dictionary<string, FakeRate> Methods)? limited;
    private TaskCompletionSource recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long sequence;

    private FakeSlackApi(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
        users[BotUserId] = UserObject(BotUserId, "networkbot", isBot: true);
    }

    /// <summary>The API base, ending in <c>/api/</c> like <c>https://slack.com/api/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every call and every 429, per method.</summary>
    public CallTally Tally { get; } = new();

    /// <summary>From now on answers 429 past Slack's limits as <paramref name="limits"/> describes them.</summary>
    public void LimitLikeSlack(FakeSlackLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limited = (limits, limits.Methods.Keys.ToDictionary(m => m, m => limits.RateOf(m)!, StringComparer.Ordinal));
    }

    /// <summary>Most items per page of <c>users.list</c>, <c>conversations.list</c> and <c>conversations.history</c>, whatever <c>limit</c> asks.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// When set, a message's <c>ts</c> is this clock's time (plus a sequence number in the microseconds), as on Slack,
    /// so <c>conversations.history</c>'s <c>oldest</c> can be checked against the test's clock.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public IReadOnlyList<PostedMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return [.. messages];
            }
        }
    }

    /// <summary>Every message posted to a <see cref="ResponseUrl"/>, oldest first.</summary>
    public IReadOnlyList<HookPost> HookPosts
    {
        get
        {
            lock (gate)
            {
                return [.. hookPosts];
            }
        }
    }

    /// <summary>
    /// A <c>response_url</c> for one interaction, as Slack puts in slash commands and <c>block_actions</c>: what is
    /// posted there is recorded in <see cref="HookPosts"/> under <paramref name="id"/> and answered <c>200 ok</c>.
    /// </summary>
    public Uri ResponseUrl(string id) => new(BaseUrl, $"{HooksPath}{Uri.EscapeDataString(id)}");

    public static async Task<FakeSlackApi> StartAsync()
    {
        var fake = new FakeSlackApi(LoopbackServer.Create());
        fake.BaseUrl = new Uri(await LoopbackServer.StartAsync(fake.app).ConfigureAwait(false), "api/");
        return fake;
    }

    /// <summary>
    /// Adds a workspace member whose legacy handle is <paramref name="name"/> and whose full and display name is
    /// <paramref name="displayName"/> (the handle when not given); returns their id.
    /// </summary>
    public string AddUser(string id, string name, bool isAdmin = false, bool deleted = false, string? displayName = null)
    {
        lock (gate)
        {
            users[id] = UserObject(id, name, isAdmin: isAdmin, deleted: deleted, displayName: displayName);
            return id;
        }
    }

    /// <summary>Adds a channel (the bot is a member unless <paramref name="botIsMember"/> is false); returns its id.</summary>
    public string AddChannel(string name, bool botIsMember = true, bool isArchived = false, bool isPrivate = false, params string[] members)
    {
        lock (gate)
        {
            var id = NextId(isPrivate ? 'G' : 'C');
            var channel = new FakeChannel(id, name, isPrivate) { IsArchived = isArchived };
            channel.Members.UnionWith(members);
            if (botIsMember)
            {
                channel.Members.Add(BotUserId);
            }

            channels[id] = channel;
            return id;
        }
    }

    public IReadOnlyCollection<string> MembersOf(string channelId)
    {
        lock (gate)
        {
            return channels.TryGetValue(channelId, out var channel) ? [.. channel.Members] : [];
        }
    }

    /// <summary>
    /// The users <c>conversations.open</c> opened the DM (one user) or group DM (several) <paramref name="conversationId"/>
    /// for, in the order asked; null for a channel or anything the bot never opened.
    /// </summary>
    public IReadOnlyList<string>? OpenedFor(string conversationId)
    {
        lock (gate)
        {
            return usersByConversation.GetValueOrDefault(conversationId);
        }
    }

    /// <summary>The id of the channel called <paramref name="name"/>, or null.</summary>
    public string? ChannelNamed(string name)
    {
        lock (gate)
        {
            return channels.Values.FirstOrDefault(c => c.Name == name)?.Id;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer <c>ok:false</c> with <paramref name="error"/>.</summary>
    public void FailNext(string method, string error, int times = 1) =>
        Script(method, times, new Scripted(200, new JsonObject { ["ok"] = false, ["error"] = error }, null));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1) =>
        Script(method, times, new Scripted(429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfterSeconds));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> answer with an HTTP server error.</summary>
    public void ServerErrorNext(string method, int status = 503, int times = 1) =>
        Script(method, times, new Scripted(status, null, null));

    /// <summary>
    /// The next call of <paramref name="method"/> does what it asks (a post is posted) and is then answered with an HTTP
    /// server error, as when Slack acted and its answer was lost on the way back.
    /// </summary>
    public void ServerErrorAfterActingNext(string method, int status = 503) =>
        Script(method, 1, new Scripted(status, null, null) { ActsFirst = true });

    /// <summary>
    /// Every call is answered after a delay drawn evenly between <paramref name="least"/> and <paramref name="most"/>,
    /// as Slack's Web API answers across the internet; a call past a rate limit waits it too before its 429.
    /// </summary>
    public void AnswerAfter(TimeSpan least, TimeSpan most) => answerDelay = (least, most);

    /// <summary>Answers <paramref name="method"/> with <paramref name="answer"/> from now on (for methods this fake does not know, or canned bodies).</summary>
    public void Handle(string method, Func<Call, JsonObject> answer)
    {
        lock (gate)
        {
            handlers[method] = answer;
        }
    }

    /// <summary>The first recorded call that matches, waiting for it to arrive.</summary>
    public Task<Call> WaitForAsync(Func<Call, bool> predicate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitForAsync(() => calls.FirstOrDefault(predicate), ct);
    }

    /// <summary>The first message posted to a <see cref="ResponseUrl"/> that matches, waiting for it to arrive.</summary>
    public Task<HookPost> WaitForHookAsync(Func<HookPost, bool> predicate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return WaitForAsync(() => hookPosts.FirstOrDefault(predicate), ct);
    }

    /// <summary>
    /// Whatever <paramref name="find"/> finds in <see cref="Calls"/> and <see cref="HookPosts"/>, looked for again after
    /// every call, answer and hook post, for a test that waits on the first of several ways the bot may answer.
    /// </summary>
    public Task<T> WaitUntilAsync<T>(Func<T?> find, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(find);
        return WaitForAsync(find, ct);
    }

    private async Task<T> WaitForAsync<T>(Func<T?> find, CancellationToken ct)
        where T : class
    {
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (find() is { } found)
                {
                    return found;
                }

                next = recorded.Task;
            }

            await next.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private void Script(string method, int times, Scripted answer)
    {
        lock (gate)
        {
            if (!scripts.TryGetValue(method, out var queue))
            {
                scripts[method] = queue = new Queue<Scripted>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(answer);
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(HooksPath.TrimEnd('/'), out var rest))
        {
            await HookAsync(context, Uri.UnescapeDataString(rest.Value!.TrimStart('/'))).ConfigureAwait(false);
            return;
        }

        var call = await ReadCallAsync(context.Request).ConfigureAwait(false);
        context.Response.OnStarting(() =>
        {
            Tally.Called(call.Method, context.Response.StatusCode == StatusCodes.Status429TooManyRequests);
            return Task.CompletedTask;
        });
        if (answerDelay is { } delay)
        {
            await Task.Delay(delay.Least + ((delay.Most - delay.Least) * Random.Shared.NextDouble())).ConfigureAwait(false);
        }

        if (PastLimit(call) is { } retryAfter)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WriteAsync(context, Error("ratelimited")).ConfigureAwait(false);
            return;
        }

        Scripted? scripted;
        Func<Call, JsonObject>? handler;
        lock (gate)
        {
            calls.Add(call);
            recorded.TrySetResult();
            recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            scripted = scripts.TryGetValue(call.Method, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
            handlers.TryGetValue(call.Method, out handler);
        }

        if (scripted is { ActsFirst: true })
        {
            lock (gate)
            {
                Answer(call);
            }
        }

        if (scripted is { } script)
        {
            Answered(call, script.Body ?? new JsonObject { ["ok"] = false, ["error"] = $"http_{script.Status}" });
            context.Response.StatusCode = script.Status;
            if (script.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            if (script.Body is { } scriptedBody)
            {
                await WriteAsync(context, scriptedBody).ConfigureAwait(false);
            }

            return;
        }

        JsonObject body;
        lock (gate)
        {
            body = Authenticate(call) ?? handler?.Invoke(call) ?? Answer(call);
        }

        Answered(call, body);

        await WriteAsync(context, body).ConfigureAwait(false);
    }

    /// <summary>How long until <paramref name="call"/> would keep to the limits in force, or null when it does (and is counted).</summary>
    private TimeSpan? PastLimit(Call call)
    {
        if (limited is not { } limits)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        if (call.Method == "chat.postMessage" && call.Arg("channel") is { } channel
            && channelPosts.GetOrAdd(channel, _ => new FakeRate(limits.Limits.PostsPerChannelPerSecond, limits.Limits.PostsPerChannelBurst)).TryTake(now) is { } channelWait)
        {
            return channelWait;
        }

        return limits.Methods.TryGetValue(call.Method, out var rate) ? rate.TryTake(now) : null;
    }

    /// <summary>
    /// A <c>response_url</c> answers plain <c>ok</c>; it needs no token, and none should be sent to it. One whose id starts
    /// with <c>expired</c> answers as Slack does after 30 minutes or 5 uses: 404 <c>expired_url</c>, nothing shown.
    /// </summary>
    private async Task HookAsync(HttpContext context, string id)
    {
        if (id.StartsWith("expired", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("expired_url").ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync().ConfigureAwait(false))!.AsObject();
        lock (gate)
        {
            hookPosts.Add(new HookPost(id, body, context.Request.Headers.Authorization.ToString()));
            recorded.TrySetResult();
            recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("ok").ConfigureAwait(false);
    }

    /// <summary>Keeps what <paramref name="call"/> was answered (ids and ts the bot goes on to use) and wakes the waiters.</summary>
    private void Answered(Call call, JsonObject answer)
    {
        lock (gate)
        {
            call.Answer = (JsonObject)answer.DeepClone();
            recorded.TrySetResult();
            recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static async Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }

    private static async Task<Call> ReadCallAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var args = new JsonObject();
        foreach (var (name, value) in request.Query)
        {
            args[name] = value.ToString();
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && body.Length > 0)
        {
            foreach (var (name, value) in JsonNode.Parse(body)!.AsObject())
            {
                args[name] = value?.DeepClone();
            }
        }
        else if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var assign = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString((assign < 0 ? pair : pair[..assign]).Replace('+', ' '));
                args[name] = assign < 0 ? "" : Uri.UnescapeDataString(pair[(assign + 1)..].Replace('+', ' '));
            }
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var method = request.Path.Value is { } path ? path[(path.LastIndexOf('/') + 1)..] : "";
        return new Call(method, request.Method, headers, request.ContentType, body, args);
    }

    /// <summary>Slack answers a missing token with <c>not_authed</c> and a wrong one with <c>invalid_auth</c>.</summary>
    private static JsonObject? Authenticate(Call call) => call.Authorization switch
    {
        null or "" => Error("not_authed"),
        var header when !header.StartsWith("Bearer xox", StringComparison.Ordinal) && !header.StartsWith("Bearer xapp-", StringComparison.Ordinal) => Error("invalid_auth"),
        _ => null,
    };

    private JsonObject Answer(Call call) => call.Method switch
    {
        "auth.test" => Ok(new()
        {
            ["url"] = "https://networkbot-test.slack.com/",
            ["team"] = TeamName,
            ["user"] = "networkbot",
            ["team_id"] = TeamId,
            ["user_id"] = BotUserId,
            ["bot_id"] = BotId,
        }),
        "chat.postMessage" => PostMessage(call),
        "conversations.history" => History(call),
        "files.getUploadURLExternal" => call.Arg("filename") is { Length: > 0 } && call.Arg("length") is { Length: > 0 }
            ? Ok(new() { ["upload_url"] = new Uri(BaseUrl, $"/{UploadPath}/F0UPLOAD").ToString(), ["file_id"] = "F0UPLOAD" })
            : Error("invalid_arguments"),
        "files.completeUploadExternal" => call.Arg("files") is { Length: > 0 } files && call.Arg("channel_id") is { Length: > 0 }
            ? Ok(new() { ["files"] = JsonNode.Parse(files) })
            : Error("invalid_arguments"),
        "chat.update" => call.Arg("channel") is { } channel && call.Arg("ts") is { } ts
            ? Ok(new() { ["channel"] = channel, ["ts"] = ts, ["text"] = call.Arg("text") })
            : Error("invalid_arguments"),
        "chat.postEphemeral" => call.Arg("channel") is not null && call.Arg("user") is not null
            ? Ok(new() { ["message_ts"] = NextTs() })
            : Error("invalid_arguments"),
        "conversations.open" => OpenConversation(call),
        "conversations.create" => CreateConversation(call),
        "conversations.join" => Join(call),
        "conversations.invite" => Invite(call),
        "conversations.kick" => Kick(call),
        "conversations.archive" => WithChannel(call, channel =>
        {
            channel.IsArchived = true;
            return Ok([]);
        }),
        "conversations.list" => Page(call, "channels", channels.Values
            .Where(c => call.Arg("exclude_archived") != "true" || !c.IsArchived)
            .Where(c => call.Arg("types") is not "public_channel" || !c.IsPrivate)
            .Select(c => (JsonNode)ChannelObject(c))
            .ToList()),
        "users.list" => Page(call, "members", [.. users.Values.Select(u => u.DeepClone())]),
        "users.info" => call.Arg("user") is { } user && users.TryGetValue(user, out var found)
            ? Ok(new() { ["user"] = found.DeepClone() })
            : Error("user_not_found"),
        "views.open" => call.Arg("trigger_id") is { Length: > 0 } ? View(call, NextId('V')) : Error("invalid_arguments"),
        "views.update" => call.Arg("view_id") is { Length: > 0 } viewId ? View(call, viewId) : Error("not_found"),
        "views.publish" => call.Arg("user_id") is { } home && users.ContainsKey(home) ? View(call, NextId('V')) : Error("invalid_arguments"),
        _ => Error("unknown_method"),
    };

    private JsonObject PostMessage(Call call)
    {
        var channel = call.Arg("channel");
        if (string.IsNullOrEmpty(channel))
        {
            return Error("channel_not_found");
        }

        if (channels.TryGetValue(channel, out var known))
        {
            if (known.IsArchived)
            {
                return Error("is_archived");
            }

            if (!known.Members.Contains(BotUserId))
            {
                return Error("not_in_channel");
            }
        }

        if (channel[0] is 'U' or 'W')
        {
            // Slack delivers a post to a user id in the app's DM with them, and answers with that DM's id.
            if (users.TryGetValue(channel, out var user) && user["deleted"]?.GetValue<bool>() == true)
            {
                return Error("user_disabled");
            }

            channel = DirectConversation([channel]);
        }

        var ts = NextTs();
        var metadata = call.Args["metadata"] is JsonObject sent ? sent.DeepClone()
            : call.Arg("metadata") is { Length: > 0 } text ? JsonNode.Parse(text) : null;
        messages.Add(new PostedMessage(channel, ts, call.Arg("text"), call.Args["blocks"]?.DeepClone()) { Metadata = metadata });
        return Ok(new()
        {
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["text"] = call.Arg("text"), ["bot_id"] = BotId, ["ts"] = ts },
        });
    }

    /// <summary>One DM per person and one group DM per set of people, found again when opened again.</summary>
    private JsonObject OpenConversation(Call call)
    {
        var ids = (call.Arg("users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return Error("users_list_not_supplied");
        }

        if (ids.Length > 8)
        {
            return Error("too_many_users");
        }

        if (ids.FirstOrDefault(id => users.TryGetValue(id, out var u) && u["deleted"]?.GetValue<bool>() == true) is not null)
        {
            return Error("user_disabled");
        }

        return Ok(new() { ["channel"] = new JsonObject { ["id"] = DirectConversation(ids) } });
    }

    /// <summary>The DM (one user) or group DM (several) with <paramref name="ids"/>, made the first time.</summary>
    private string DirectConversation(string[] ids)
    {
        var key = string.Join(',', ids.Order(StringComparer.Ordinal));
        if (!conversationsByUsers.TryGetValue(key, out var id))
        {
            id = NextId(ids.Length == 1 ? 'D' : 'G');
            conversationsByUsers[key] = id;
            usersByConversation[id] = ids;
        }

        return id;
    }

    private JsonObject CreateConversation(Call call)
    {
        var name = call.Arg("name") ?? "";
        if (name.Length is 0 or > 80 || name.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')))
        {
            return Error("invalid_name_specials");
        }

        if (channels.Values.Any(c => c.Name == name))
        {
            return Error("name_taken");
        }

        var channel = new FakeChannel(NextId(call.Arg("is_private") == "true" ? 'G' : 'C'), name, call.Arg("is_private") == "true");
        channel.Members.Add(BotUserId);
        channels[channel.Id] = channel;
        return Ok(new() { ["channel"] = ChannelObject(channel) });
    }

    private JsonObject Join(Call call) => WithChannel(call, channel =>
    {
        if (channel.IsPrivate)
        {
            return Error("method_not_supported_for_channel_type");
        }

        var added = channel.Members.Add(BotUserId);
        var answer = Ok(new() { ["channel"] = ChannelObject(channel) });
        if (!added)
        {
            answer["warning"] = "already_in_channel";
            answer["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray("already_in_channel") };
        }

        return answer;
    });

    private JsonObject Invite(Call call) => WithChannel(call, channel =>
    {
        var ids = (call.Arg("users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (!channel.Members.Contains(BotUserId))
        {
            return Error("not_in_channel");
        }

        if (ids.Contains(BotUserId))
        {
            return Error("cant_invite_self");
        }

        if (ids.All(channel.Members.Contains))
        {
            return Error("already_in_channel");
        }

        channel.Members.UnionWith(ids);
        return Ok(new() { ["channel"] = ChannelObject(channel) });
    });

    private JsonObject Kick(Call call) => WithChannel(call, channel =>
    {
        var user = call.Arg("user") ?? "";
        if (user == BotUserId)
        {
            return Error("cant_kick_self");
        }

        return channel.Members.Remove(user) ? Ok([]) : Error("not_in_channel");
    });

    private JsonObject WithChannel(Call call, Func<FakeChannel, JsonObject> act)
    {
        if (call.Arg("channel") is not { } id || !channels.TryGetValue(id, out var channel))
        {
            return Error("channel_not_found");
        }

        return channel.IsArchived && call.Method != "conversations.archive" ? Error("is_archived") : act(channel);
    }

    /// <summary>Cursor paging as Slack does it: <c>response_metadata.next_cursor</c>, empty on the last page.</summary>
    /// <summary>
    /// <c>conversations.history</c>: the channel's messages newest first, those after <c>oldest</c> only when given, with
    /// their <c>metadata</c> only when <c>include_all_metadata</c> is true, as Slack answers.
    /// </summary>
    private JsonObject History(Call call)
    {
        var channel = call.Arg("channel");
        if (string.IsNullOrEmpty(channel))
        {
            return Error("channel_not_found");
        }

        var oldest = decimal.TryParse(call.Arg("oldest"), NumberStyles.Number, CultureInfo.InvariantCulture, out var since) ? since : 0m;
        var withMetadata = call.Arg("include_all_metadata") == "true";
        var listed = messages
            .Where(m => m.Channel == channel && decimal.Parse(m.Ts, CultureInfo.InvariantCulture) > oldest)
            .OrderByDescending(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture))
            .Select(m =>
            {
                var message = new JsonObject { ["type"] = "message", ["text"] = m.Text, ["user"] = BotUserId, ["bot_id"] = BotId, ["ts"] = m.Ts };
                if (withMetadata && m.Metadata is not null)
                {
                    message["metadata"] = m.Metadata.DeepClone();
                }

                return (JsonNode)message;
            })
            .ToList();
        var page = Page(call, "messages", listed);
        page["has_more"] = page["response_metadata"]?["next_cursor"]?.GetValue<string>() is { Length: > 0 };
        return page;
    }

    private JsonObject Page(Call call, string property, List<JsonNode> items)
    {
        var limit = int.TryParse(call.Arg("limit"), CultureInfo.InvariantCulture, out var asked) && asked > 0 ? Math.Min(asked, PageSize) : PageSize;
        var start = 0;
        if (call.Arg("cursor") is { Length: > 0 } cursor
            && (!cursor.StartsWith(CursorPrefix, StringComparison.Ordinal) || !int.TryParse(cursor[CursorPrefix.Length..], CultureInfo.InvariantCulture, out start)))
        {
            return Error("invalid_cursor");
        }

        var page = items.Skip(start).Take(limit).ToList();
        var next = start + page.Count < items.Count ? CursorPrefix + (start + page.Count).ToString(CultureInfo.InvariantCulture) : "";
        return Ok(new()
        {
            [property] = new JsonArray([.. page]),
            ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
        });
    }

    private JsonObject View(Call call, string id)
    {
        var view = call.Args["view"] is JsonObject sent ? (JsonObject)sent.DeepClone()
            : call.Arg("view") is { } text ? JsonNode.Parse(text)!.AsObject() : [];
        view["id"] = id;
        view["team_id"] = TeamId;
        view["hash"] = $"{NextTs()}.hash";
        view["state"] = new JsonObject { ["values"] = new JsonObject() };
        return Ok(new() { ["view"] = view });
    }

    private static JsonObject ChannelObject(FakeChannel channel) => new()
    {
        ["id"] = channel.Id,
        ["name"] = channel.Name,
        ["name_normalized"] = channel.Name,
        ["is_channel"] = !channel.IsPrivate,
        ["is_private"] = channel.IsPrivate,
        ["is_archived"] = channel.IsArchived,
        ["is_member"] = channel.Members.Contains(BotUserId),
        ["num_members"] = channel.Members.Count,
    };

    private static JsonObject UserObject(string id, string name, bool isAdmin = false, bool isBot = false, bool deleted = false, string? displayName = null) => new()
    {
        ["id"] = id,
        ["team_id"] = TeamId,
        ["name"] = name,
        ["real_name"] = displayName ?? name,
        ["deleted"] = deleted,
        ["is_bot"] = isBot,
        ["is_admin"] = isAdmin,
        ["is_owner"] = false,
        ["is_primary_owner"] = false,
        ["is_restricted"] = false,
        ["is_ultra_restricted"] = false,
        ["tz"] = "Asia/Tokyo",
        ["locale"] = "ja-JP",
        ["profile"] = new JsonObject { ["display_name"] = displayName ?? name, ["real_name"] = displayName ?? name },
    };

    private string NextId(char kind) => $"{kind}0{Interlocked.Increment(ref sequence).ToString("D8", CultureInfo.InvariantCulture)}";

    private string NextTs()
    {
        var n = Interlocked.Increment(ref sequence);
        var seconds = Clock is { } clock ? clock.GetUtcNow().ToUnixTimeSeconds() : 1_700_000_000 + n;
        return $"{seconds.ToString(CultureInfo.InvariantCulture)}.{(n % 1_000_000).ToString("D6", CultureInfo.InvariantCulture)}";
    }

    private static JsonObject Ok(JsonObject fields)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            answer[name] = value;
        }

        return answer;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    /// <summary>One recorded Web API call; <see cref="Args"/> holds the JSON body's properties or the form's (and query's) fields as strings.</summary>
    public sealed record Call(string Method, string HttpMethod, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body, JsonObject Args)
    {
        public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

        public bool IsJson => ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

        public bool IsForm => ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

        /// <summary>What the fake answered (the <c>ok:false</c> body of a scripted failure), null while it is being answered.</summary>
        public JsonObject? Answer { get; internal set; }

        /// <summary>An argument as text: a string as it is, anything else as JSON.</summary>
        public string? Arg(string name) => Args[name] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var node => node.ToJsonString(),
        };
    }

    /// <summary>A message posted to the <c>response_url</c> <see cref="Id"/>, with the Authorization header it came with ("" for none).</summary>
    public sealed record HookPost(string Id, JsonObject Body, string Authorization)
    {
        public string? Text => Body["text"]?.GetValue<string>();
    }

    /// <summary>A message <c>chat.postMessage</c> accepted, with the <c>metadata</c> it was posted with.</summary>
    public sealed record PostedMessage(string Channel, string Ts, string? Text, JsonNode? Blocks)
    {
        public JsonNode? Metadata { get; init; }
    }

    private sealed record Scripted(int Status, JsonObject? Body, int? RetryAfterSeconds)
    {
        public bool ActsFirst { get; init; }
    }

    private sealed class FakeChannel(string id, string name, bool isPrivate)
    {
        public string Id { get; } = id;

        public string Name { get; } = name;

        public bool IsPrivate { get; } = isPrivate;

        public bool IsArchived { get; set; }

        public HashSet<string> Members { get; } = new(StringComparer.Ordinal);
    }
}
