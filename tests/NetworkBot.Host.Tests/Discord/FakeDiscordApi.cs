using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NetworkBot.Discord.Tests.Fakes;
using NetworkBot.Tests;

namespace NetworkBot.Host.Tests.Discord;

/// <summary>
/// Discord's REST API as the bot meets it, on Kestrel at 127.0.0.1 port 0: the application, <c>/gateway/bot</c>
/// pointing at a <see cref="FakeDiscordGateway"/>, command registration, interaction callbacks and messages, with
/// answers shaped like Discord's. Every request is recorded, and a test can wait for the next one matching a test.
/// A test can hold requests back (<see cref="Hold"/>) to make a route slow, and give the member role route a
/// bucket as Discord's (<see cref="LimitMemberRoles"/>). The benchmarks drive the bot with it too.
/// Guild roles, channels and scheduled events are kept per guild as Discord keeps them: made by POST, listed by GET
/// (<c>/guilds/{guild}/roles|channels|scheduled-events</c>), scheduled events changed by PATCH and removed by DELETE
/// (404 with code 10070 once gone). <see cref="LoseAnswerAfterMaking"/> makes one such POST whose answer never reaches the bot.
/// Opt-in, for the benchmarks: a delay per call (<see cref="AnswerAfter"/>), and Discord's global and per-channel limits
/// (<see cref="LimitLikeDiscord"/>); every call and every 429 is counted per route in <see cref="Tally"/>.
/// </summary>
public sealed class FakeDiscordApi : IAsyncDisposable
{
    public const string BotUserId = "845027738276462999";

    /// <summary>The id the first guild scheduled event made gets; later ones count up from it.</summary>
    public const string ScheduledEventId = "950000000000000001";

    /// <summary>What Discord answers for a scheduled event it does not have.</summary>
    public const int UnknownScheduledEvent = 10070;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ApiRequest> requests = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly Uri gatewayUrl;
    private readonly ConcurrentQueue<(string PathEnd, bool Global, double RetryAfter)> rateLimits = new();
    private readonly ConcurrentQueue<(string PathEnd, int Status, int Code)> failures = new();
    private readonly ConcurrentDictionary<string, string> dmRecipients = new(StringComparer.Ordinal);
    /// <summary>The threads made, by id, as Discord lists them (with their parent channel and name).</summary>
    private readonly ConcurrentDictionary<string, string> threads = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock guildGate = new();
    private readonly List<(string Guild, string Kind, JsonObject Item)> guildObjects = [];
    private long nextScheduledEventId = long.Parse(ScheduledEventId, CultureInfo.InvariantCulture);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FakeWindow> messageBuckets = new(StringComparer.Ordinal);
    private (FakeDiscordLimits Limits, FakeRate Global)? limited;
    private Func<ApiRequest, bool>? held;
    private Func<ApiRequest, bool>? loseAnswer;
    private FakeWindow? memberRoleBucket;
    private long nextId = 900_000_000_000_000_000;
    private int memberRolesLimited;
    private int nextIndex = -1;
    private (TimeSpan Least, TimeSpan Most)? answerDelay;

    private FakeDiscordApi(WebApplication app, Uri gatewayUrl)
    {
        this.app = app;
        this.gatewayUrl = gatewayUrl;
        app.Run(HandleAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ApiRequest> Requests => [.. requests];

    /// <summary>Every call and every 429, per route (<c>POST /channels/{id}/messages</c>, ids replaced).</summary>
    public CallTally Tally { get; } = new();

    /// <summary>From now on answers 429 past Discord's limits as <paramref name="limits"/> describes them.</summary>
    public void LimitLikeDiscord(FakeDiscordLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limited = (limits, new FakeRate(limits.GlobalPerSecond, limits.GlobalBurst));
    }

    /// <summary>How many member role calls were answered 429 (see <see cref="LimitMemberRoles"/>).</summary>
    public int MemberRolesLimited => Volatile.Read(ref memberRolesLimited);

    /// <summary>The user a DM channel made by <c>POST /users/@me/channels</c> is with; null for any other channel.</summary>
    public string? DmRecipient(string channel) => dmRecipients.GetValueOrDefault(channel);

    /// <summary>Whether the channel is a thread the bot started.</summary>
    public bool IsThread(string channel) => threads.ContainsKey(channel);

    public static async Task<FakeDiscordApi> StartAsync(Uri gatewayUrl)
    {
        var api = new FakeDiscordApi(LoopbackServer.Create(), gatewayUrl);
        api.BaseUrl = new Uri(await LoopbackServer.StartAsync(api.app), "api/v10");
        return api;
    }

    /// <summary>
    /// The next request whose path ends with <paramref name="pathEnd"/> is answered 429 as Discord does: with
    /// <c>retry_after</c> and, for the global limit, <c>X-RateLimit-Global</c>; per bucket otherwise.
    /// </summary>
    /// <param name="retryAfterSeconds">The pause asked for; past two minutes the bot does not wait for it inline.</param>
    public void RateLimitNext(string pathEnd, bool global, double retryAfterSeconds = 0.05) => rateLimits.Enqueue((pathEnd, global, retryAfterSeconds));

    /// <summary>
    /// The next <paramref name="times"/> requests whose path ends with <paramref name="pathEnd"/> are answered with
    /// <paramref name="status"/> and a Discord error body (a 503 for an outage, a 401 for a rejected token) carrying
    /// <paramref name="code"/> (50007 for a member whose DMs are closed).
    /// </summary>
    public void FailNext(string pathEnd, int status, int times = 1, int code = 0)
    {
        for (var i = 0; i < times; i++)
        {
            failures.Enqueue((pathEnd, status, code));
        }
    }

    /// <summary>Requests <paramref name="match"/> accepts are recorded, then answered only after <see cref="Release"/>.</summary>
    public void Hold(Func<ApiRequest, bool> match) => held = match;

    /// <summary>
    /// The next POST <paramref name="match"/> accepts makes its object, then the connection is dropped before the answer:
    /// to the bot it is a request whose answer never came (a timeout, a crash mid-request), though Discord made it.
    /// </summary>
    public void LoseAnswerAfterMaking(Func<ApiRequest, bool> match) => loseAnswer = match;

    /// <summary>The roles (<c>roles</c>), channels (<c>channels</c>) or scheduled events (<c>scheduled-events</c>) the guild has now.</summary>
    public IReadOnlyList<JsonObject> GuildObjects(string guild, string kind)
    {
        lock (guildGate)
        {
            return [.. guildObjects.Where(o => o.Guild == guild && o.Kind == kind).Select(o => (JsonObject)o.Item.DeepClone())];
        }
    }

    /// <summary>Answers every held request, and those that come later at once.</summary>
    public void Release() => released.TrySetResult();

    /// <summary>
    /// Gives the member role route (<c>PUT/DELETE /guilds/{guild}/members/{user}/roles/{role}</c>) one bucket of
    /// <paramref name="limit"/> calls per <paramref name="per"/>, with Discord's <c>X-RateLimit-*</c> headers, and answers
    /// 429 with <c>retry_after</c> past it.
    /// </summary>
    public void LimitMemberRoles(int limit, TimeSpan per) => memberRoleBucket = new FakeWindow(limit, per);

    /// <summary>
    /// Every request is answered after a delay drawn evenly between <paramref name="least"/> and <paramref name="most"/>,
    /// as Discord's REST API answers across the internet; the request is recorded (and timed) on arrival, before it.
    /// </summary>
    public void AnswerAfter(TimeSpan least, TimeSpan most) => answerDelay = (least, most);

    /// <summary>The first request, in arrival order, that <paramref name="match"/> accepts, waiting for it if needed.</summary>
    public async Task<ApiRequest> WaitForAsync(Func<ApiRequest, bool> match, CancellationToken ct) =>
        (await WaitForAsync(match, 1, ct))[0];

    /// <summary>The first <paramref name="count"/> requests that <paramref name="match"/> accepts, waiting for them if needed.</summary>
    public async Task<IReadOnlyList<ApiRequest>> WaitForAsync(Func<ApiRequest, bool> match, int count, CancellationToken ct)
    {
        while (true)
        {
            var found = requests.Where(match).Take(count).ToList();
            if (found.Count == count)
            {
                return found;
            }

            await arrived.WaitAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
        arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "";
        ApiRequest request;
        lock (requests)
        {
            // Numbered and queued together, so a reader that has seen index n has seen everything before it.
            request = new ApiRequest(context.Request.Method, path, context.Request.Headers.Authorization.ToString(), body)
            {
                Index = ++nextIndex,
                ContentType = context.Request.ContentType,
            };
            requests.Enqueue(request);
        }

        arrived.Release();
        if (held?.Invoke(request) == true)
        {
            await released.Task;
        }

        if (answerDelay is { } delay)
        {
            await Task.Delay(delay.Least + ((delay.Most - delay.Least) * Random.Shared.NextDouble()));
        }

        var route = path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : path;
        var label = $"{request.Method} {RouteLabel(route)}";
        context.Response.OnStarting(() =>
        {
            Tally.Called(label, context.Response.StatusCode == StatusCodes.Status429TooManyRequests);
            return Task.CompletedTask;
        });
        if (limited is { } limits && await RefusedPastLimitsAsync(context, request.Method, route, limits.Limits, limits.Global))
        {
            return;
        }

        if (memberRoleBucket is { } bucket && request.Method is "PUT" or "DELETE" && route.Contains("/members/", StringComparison.Ordinal)
            && route.Contains("/roles/", StringComparison.Ordinal))
        {
            await AnswerMemberRoleAsync(context, bucket);
            return;
        }

        if (rateLimits.TryPeek(out var limit) && path.EndsWith(limit.PathEnd, StringComparison.Ordinal) && rateLimits.TryDequeue(out _))
        {
            if (limit.Global)
            {
                context.Response.Headers["X-RateLimit-Global"] = "true";
            }
            else
            {
                context.Response.Headers["X-RateLimit-Bucket"] = "fake-bucket";
                context.Response.Headers["X-RateLimit-Limit"] = "5";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset-After"] = limit.RetryAfter.ToString(CultureInfo.InvariantCulture);
            }

            await TooManyAsync(context, TimeSpan.FromSeconds(limit.RetryAfter), limit.Global ? "global" : "user");
            return;
        }

        if (failures.TryPeek(out var failure) && path.EndsWith(failure.PathEnd, StringComparison.Ordinal) && failures.TryDequeue(out _))
        {
            context.Response.StatusCode = failure.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"message":"{{failure.Status}}: failing on purpose","code":{{failure.Code}}}""");
            return;
        }

        if (GuildObjectAnswer(request.Method, route, body) is { } kept)
        {
            if (request.Method == "POST" && loseAnswer?.Invoke(request) == true)
            {
                loseAnswer = null;
                context.Abort();
                return;
            }

            await AnswerAsync(context, kept.Status, kept.Answer);
            return;
        }

        var (status, answer) = (request.Method, route) switch
        {
            ("GET", "/applications/@me") => (200, $$"""{"id":"{{FakeDiscordGateway.ApplicationId}}","name":"NetworkBot"}"""),
            ("GET", "/users/@me") => (200, $$"""{"id":"{{BotUserId}}","username":"NetworkBot","bot":true}"""),
            ("GET", "/gateway/bot") => (200, $$$"""{"url":"{{{gatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}"""),
            ("PUT", _) when route.EndsWith("/commands", StringComparison.Ordinal) => (200, body),
            ("POST", _) when route.EndsWith("/callback", StringComparison.Ordinal) => (204, ""),
            ("PUT" or "DELETE", _) when route.Contains("/roles/", StringComparison.Ordinal) => (204, ""),
            ("PUT", _) when route.Contains("/thread-members/", StringComparison.Ordinal) => (204, ""),
            ("GET", _) when route.EndsWith("/threads/active", StringComparison.Ordinal) => (200, $$"""{"threads":[{{string.Join(',', threads.Values)}}],"members":[]}"""),
            // The fake keeps no message history: a look-up for an earlier post finds none (a retry within the nonce window never looks).
            ("GET", _) when route.StartsWith("/channels/", StringComparison.Ordinal) && route.EndsWith("/messages", StringComparison.Ordinal) => (200, "[]"),
            _ when request.Method is "POST" or "PATCH" => (200, Created(route, body)),
            _ => (404, """{"code":0,"message":"404: Not Found"}"""),
        };
        await AnswerAsync(context, status, answer);
    }

    private static async Task AnswerAsync(HttpContext context, int status, string answer)
    {
        context.Response.StatusCode = status;
        if (answer.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        }
    }

    /// <summary>
    /// The answer for <c>/guilds/{guild}/roles|channels|scheduled-events[/{id}]</c>, keeping what they make; null for any
    /// other route.
    /// </summary>
    private (int Status, string Answer)? GuildObjectAnswer(string method, string route, string body)
    {
        var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["guilds", _, "roles" or "channels" or "scheduled-events", ..] || parts.Length > 4)
        {
            return null;
        }

        var (guild, kind) = (parts[1], parts[2]);

        lock (guildGate)
        {
            switch (method, parts.Length)
            {
                case ("GET", 3):
                    return (200, new JsonArray([.. guildObjects.Where(o => o.Guild == guild && o.Kind == kind).Select(o => o.Item.DeepClone())]).ToJsonString());
                case ("POST", 3):
                    var item = JsonNode.Parse(body)!.AsObject();
                    item["id"] = kind == "scheduled-events"
                        ? (nextScheduledEventId++).ToString(CultureInfo.InvariantCulture)
                        : Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
                    item["guild_id"] = guild;
                    if (kind == "roles")
                    {
                        item["managed"] = false;
                        item["permissions"] ??= "0";
                    }
                    else if (kind == "scheduled-events")
                    {
                        item["status"] = 1;
                    }

                    guildObjects.Add((guild, kind, item));
                    return (200, item.ToJsonString());
                case ("PATCH" or "DELETE", 4) when kind == "scheduled-events":
                    var index = guildObjects.FindIndex(o => o.Guild == guild && o.Kind == kind && (string?)o.Item["id"] == parts[3]);
                    if (index < 0)
                    {
                        return (404, $$"""{"code":{{UnknownScheduledEvent}},"message":"Unknown Guild Scheduled Event"}""");
                    }

                    if (method == "DELETE")
                    {
                        guildObjects.RemoveAt(index);
                        return (204, "");
                    }

                    var scheduled = guildObjects[index].Item;
                    foreach (var (name, value) in JsonNode.Parse(body)!.AsObject())
                    {
                        scheduled[name] = value?.DeepClone();
                    }

                    return (200, scheduled.ToJsonString());
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Answers 429 when the call is past the global limit (interaction answers exempt) or, for a message post, past its
    /// channel's bucket, as Discord does; a message post within its bucket gets the bucket's headers. True when refused.
    /// </summary>
    private async Task<bool> RefusedPastLimitsAsync(HttpContext context, string method, string route, FakeDiscordLimits limits, FakeRate global)
    {
        var now = DateTimeOffset.UtcNow;
        if (!route.StartsWith("/interactions/", StringComparison.Ordinal) && global.TryTake(now) is { } globalWait)
        {
            context.Response.Headers["X-RateLimit-Global"] = "true";
            await TooManyAsync(context, globalWait, "global");
            return true;
        }

        var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (method != "POST" || parts is not ["channels", var channel, "messages"])
        {
            return false;
        }

        return await RefusedPastBucketAsync(
            context, "channel-messages", messageBuckets.GetOrAdd(channel, _ => new FakeWindow(limits.MessagesPerChannel, limits.MessageWindow)), now);
    }

    /// <summary>Takes a call from <paramref name="bucket"/> and says so in Discord's headers; answers 429 and returns true when it is empty.</summary>
    private static async Task<bool> RefusedPastBucketAsync(HttpContext context, string hash, FakeWindow bucket, DateTimeOffset now)
    {
        var (remaining, resetAfter) = bucket.Take(now);
        context.Response.Headers["X-RateLimit-Bucket"] = hash;
        context.Response.Headers["X-RateLimit-Limit"] = bucket.Limit.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Remaining"] = Math.Max(remaining, 0).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Reset-After"] = resetAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        if (remaining >= 0)
        {
            return false;
        }

        await TooManyAsync(context, resetAfter, "user");
        return true;
    }

    private static async Task TooManyAsync(HttpContext context, TimeSpan retryAfter, string scope)
    {
        var seconds = retryAfter.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-RateLimit-Scope"] = scope;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":{{(scope == "global" ? "true" : "false")}}}""");
    }

    /// <summary>A route with its ids and tokens replaced, so calls count per route: <c>/channels/{id}/messages</c>.</summary>
    private static string RouteLabel(string route)
    {
        var parts = route.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length > 0 && (parts[i].All(char.IsAsciiDigit) || (i == 3 && parts[1] == "interactions")))
            {
                parts[i] = i == 3 && parts[1] == "interactions" ? "{token}" : "{id}";
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>One fixed window for the member role route, as Discord's <c>X-RateLimit-Reset-After</c> describes it.</summary>
    private async Task AnswerMemberRoleAsync(HttpContext context, FakeWindow bucket)
    {
        if (await RefusedPastBucketAsync(context, "member-roles", bucket, DateTimeOffset.UtcNow))
        {
            Interlocked.Increment(ref memberRolesLimited);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>A new object with a fresh id: a thread, DM channel or message, as the route asks.</summary>
    private string Created(string route, string body)
    {
        var id = Interlocked.Increment(ref nextId);
        var text = id.ToString(CultureInfo.InvariantCulture);
        if (route.EndsWith("/threads", StringComparison.Ordinal))
        {
            var parent = route.Split('/')[2];
            var name = JsonDocument.Parse(body).RootElement.GetProperty("name").GetString();
            threads[text] = JsonSerializer.Serialize(new { id = text, type = 12, parent_id = parent, name });
        }
        else if (route == "/users/@me/channels")
        {
            dmRecipients[text] = JsonDocument.Parse(body).RootElement.GetProperty("recipient_id").GetString()!;
        }

        return route switch
        {
            _ when route.EndsWith("/threads", StringComparison.Ordinal) => $$"""{"id":"{{id}}","type":12}""",
            "/users/@me/channels" => $$"""{"id":"{{id}}","type":1}""",
            _ => $$"""{"id":"{{id}}","channel_id":"1"}""",
        };
    }
}

public sealed record ApiRequest(string Method, string Path, string Authorization, string Body)
{
    /// <summary>The request's place in arrival order, from 0.</summary>
    public int Index { get; init; }

    /// <summary>
    /// <c>application/json</c>, or <c>multipart/form-data</c> for a message with a file (its <c>payload_json</c> and
    /// <c>files[0]</c> parts are in <see cref="Body"/>).
    /// </summary>
    public string? ContentType { get; init; }

    /// <summary>When the fake received it, on <see cref="System.Diagnostics.Stopwatch"/>'s clock.</summary>
    public long ReceivedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
