using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Discord.Rest.Payloads;
using NetworkBot.Transport;

namespace NetworkBot.Discord.Rest;

/// <summary>
/// The Discord REST calls NetworkBot makes, over one <see cref="HttpClient"/>. Every call waits for its rate
/// limits, retries 429s, 5xx and network errors a bounded number of times (5xx and lost requests only where
/// repeating cannot create a duplicate), and never retries 401/403/404.
/// Refusals surface as <see cref="DiscordApiException"/> (401 as <see cref="DiscordAuthenticationException"/>);
/// a rate-limit pause too long to wait inline as <see cref="DiscordRateLimitedException"/>.
/// </summary>
public sealed class DiscordRestClient(ApiConnection api, IOptions<DiscordOptions> options, DiscordRateLimiter limiter, ILogger<DiscordRestClient> logger)
{
    /// <summary>Discord's limit on a message nonce.</summary>
    public const int MaxNonceLength = 25;

    /// <summary>The form Discord requires, <c>DiscordBot ($url, $version)</c>; it is not a valid product token, so it is added unvalidated.</summary>
    public static readonly string UserAgent =
        $"DiscordBot (https://github.com/networkbot/networkbot, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    private const string CreateMessageRoute = "/channels/{channel_id}/messages";
    private const string CreateDmRoute = "/users/@me/channels";
    private const string InteractionCallbackRoute = "/interactions/{interaction_id}/{interaction_token}/callback";

    /// <summary>
    /// POSTs that may be sent again after a 5xx or a connection lost mid-request, when Discord may already have
    /// acted: messages carry an enforced nonce, a DM open returns the existing channel, a second interaction
    /// answer is refused with 40060. Other POSTs (channels, roles, threads, events) would be created twice.
    /// </summary>
    private static readonly HashSet<string> RepeatablePosts = [CreateMessageRoute, CreateDmRoute, InteractionCallbackRoute];

    private static DiscordRestJsonContext Json => DiscordRestJsonContext.Default;

    public Task<DiscordGatewayBot> GetGatewayBotAsync(CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Get, "/gateway/bot"), null, Json.DiscordGatewayBot, ct);

    public Task<DiscordApplication> GetCurrentApplicationAsync(CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Get, "/applications/@me"), null, Json.DiscordApplication, ct);

    public Task<DiscordCurrentUser> GetCurrentUserAsync(CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Get, "/users/@me"), null, Json.DiscordCurrentUser, ct);

    /// <summary>Replaces all global commands with <paramref name="commands"/> (a JSON array of command objects).</summary>
    public Task<List<DiscordApplicationCommand>> BulkOverwriteGlobalCommandsAsync(Snowflake applicationId, JsonElement commands, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Put, "/applications/{application_id}/commands", applicationId.ToString()),
            CommandArray(commands), Json.ListDiscordApplicationCommand, ct);

    /// <summary>Replaces one guild's commands (instant, unlike global ones) with <paramref name="commands"/>.</summary>
    public Task<List<DiscordApplicationCommand>> BulkOverwriteGuildCommandsAsync(Snowflake applicationId, Snowflake guildId, JsonElement commands, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands", applicationId.ToString(), guildId.ToString()),
            CommandArray(commands), Json.ListDiscordApplicationCommand, ct);

    /// <summary>
    /// Sends a message that pings only the ids in its allowed mentions. <paramref name="nonce"/> (at most 25
    /// characters; one is made up when null) is sent with <c>enforce_nonce</c>, so a retry after a lost
    /// response returns the first message instead of posting twice. Pass a stable nonce (from the outbox row)
    /// to make resends across restarts idempotent too.
    /// </summary>
    public Task<DiscordMessage> CreateMessageAsync(Snowflake channelId, DiscordMessagePayload message, string? nonce, CancellationToken ct) =>
        CreateMessageAsync(channelId, message, nonce, null, ct);

    /// <summary>As <see cref="CreateMessageAsync(Snowflake, DiscordMessagePayload, string?, CancellationToken)"/>, with <paramref name="file"/> attached when given.</summary>
    public Task<DiscordMessage> CreateMessageAsync(Snowflake channelId, DiscordMessagePayload message, string? nonce, DiscordFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (nonce is { Length: 0 or > MaxNonceLength })
        {
            throw new ArgumentException($"A Discord nonce has 1 to {MaxNonceLength} characters; '{nonce}' has {nonce.Length}.", nameof(nonce));
        }

        nonce ??= Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        return SendAsync(
            DiscordRoute.Create(HttpMethod.Post, CreateMessageRoute, channelId.ToString()),
            Serialize(MessageBody.From(message, nonce), Json.MessageBody), file, Json.DiscordMessage, ct);
    }

    /// <summary>Up to <paramref name="limit"/> (at most 100) messages of a channel posted after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<DiscordMessage>> ListMessagesAfterAsync(Snowflake channelId, Snowflake after, int limit, CancellationToken ct) =>
        await SendAsync(
            DiscordRoute.Create(
                HttpMethod.Get, "/channels/{channel_id}/messages?after={after}&limit={limit}",
                channelId.ToString(), after.ToString(), limit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            null, Json.ListDiscordMessage, ct).ConfigureAwait(false);

    /// <summary>The guild's active threads, public and private, that the bot can see (it is in those it made).</summary>
    public async Task<IReadOnlyList<DiscordChannel>> ListActiveThreadsAsync(Snowflake guildId, CancellationToken ct) =>
        (await SendAsync(DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/threads/active", guildId.ToString()), null, Json.DiscordThreadList, ct)
            .ConfigureAwait(false)).Threads;

    /// <summary>Opens (or returns the existing) DM channel with a user.</summary>
    public Task<DiscordChannel> CreateDmAsync(Snowflake userId, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Post, CreateDmRoute),
            Serialize(new CreateDmBody(userId), Json.CreateDmBody), Json.DiscordChannel, ct);

    /// <summary>Starts a private, non-invitable thread in a text channel that archives after a week of quiet.</summary>
    public Task<DiscordChannel> StartPrivateThreadAsync(Snowflake channelId, string name, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/threads", channelId.ToString()),
            Serialize(new StartThreadBody(name, Type: 12, Invitable: false, AutoArchiveDuration: 10080), Json.StartThreadBody),
            Json.DiscordChannel, ct);

    public Task AddThreadMemberAsync(Snowflake threadId, Snowflake userId, CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Put, "/channels/{channel_id}/thread-members/{user_id}", threadId.ToString(), userId.ToString()), null, ct);

    /// <summary>Gives a member a role; the role must be below the bot's highest role (else 50013).</summary>
    public Task AddGuildMemberRoleAsync(Snowflake guildId, Snowflake userId, Snowflake roleId, CancellationToken ct) =>
        SendAsync(MemberRoleRoute(HttpMethod.Put, guildId, userId, roleId), null, ct);

    public Task RemoveGuildMemberRoleAsync(Snowflake guildId, Snowflake userId, Snowflake roleId, CancellationToken ct) =>
        SendAsync(MemberRoleRoute(HttpMethod.Delete, guildId, userId, roleId), null, ct);

    /// <summary>The guild's roles: what a role POST whose answer was lost may already have made.</summary>
    public Task<List<DiscordRole>> GetGuildRolesAsync(Snowflake guildId, CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/roles", guildId.ToString()), null, Json.ListDiscordRole, ct);

    /// <summary>The guild's channels (threads not included), with their permission overwrites.</summary>
    public Task<List<DiscordChannel>> GetGuildChannelsAsync(Snowflake guildId, CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/channels", guildId.ToString()), null, Json.ListDiscordChannel, ct);

    /// <summary>The guild's scheduled events that are scheduled or active (Discord drops completed and cancelled ones from the list soon).</summary>
    public Task<List<DiscordScheduledEvent>> GetScheduledEventsAsync(Snowflake guildId, CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/scheduled-events", guildId.ToString()), null, Json.ListDiscordScheduledEvent, ct);

    public Task<DiscordRole> CreateGuildRoleAsync(Snowflake guildId, DiscordRoleCreate role, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/guilds/{guild_id}/roles", guildId.ToString()),
            Serialize(role, Json.DiscordRoleCreate), Json.DiscordRole, ct);

    public Task<DiscordChannel> CreateGuildChannelAsync(Snowflake guildId, DiscordChannelCreate channel, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/guilds/{guild_id}/channels", guildId.ToString()),
            Serialize(channel, Json.DiscordChannelCreate), Json.DiscordChannel, ct);

    public Task<DiscordScheduledEvent> CreateScheduledEventAsync(Snowflake guildId, DiscordScheduledEventCreate scheduledEvent, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/guilds/{guild_id}/scheduled-events", guildId.ToString()),
            Serialize(scheduledEvent, Json.DiscordScheduledEventCreate), Json.DiscordScheduledEvent, ct);

    public Task<DiscordScheduledEvent> ModifyScheduledEventAsync(Snowflake guildId, Snowflake eventId, DiscordScheduledEventModify changes, CancellationToken ct) =>
        SendAsync(
            DiscordRoute.Create(HttpMethod.Patch, "/guilds/{guild_id}/scheduled-events/{event_id}", guildId.ToString(), eventId.ToString()),
            Serialize(changes, Json.DiscordScheduledEventModify), Json.DiscordScheduledEvent, ct);

    public Task DeleteScheduledEventAsync(Snowflake guildId, Snowflake eventId, CancellationToken ct) =>
        SendAsync(DiscordRoute.Create(HttpMethod.Delete, "/guilds/{guild_id}/scheduled-events/{event_id}", guildId.ToString(), eventId.ToString()), null, ct);

    /// <summary>Answers an interaction (within 3 seconds of receiving it). Not counted against the global limit.</summary>
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string token, DiscordInteractionResponse response, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        JsonElement? data = response.Modal is { } modal ? JsonSerializer.SerializeToElement(modal, Json.DiscordModalPayload)
            : response.Data is { } message ? JsonSerializer.SerializeToElement(MessageBody.From(message), Json.MessageBody)
            : null;
        return CreateInteractionResponseAsync(interactionId, token, response.Type, data, null, ct);
    }

    /// <summary>
    /// Answers an interaction with callback <paramref name="type"/> and an already rendered <c>data</c> object, with
    /// <paramref name="file"/> attached when given (a message answer only).
    /// </summary>
    public Task CreateInteractionResponseAsync(Snowflake interactionId, string token, int type, JsonElement? data, DiscordFile? file, CancellationToken ct)
    {
        var json = Serialize(new InteractionCallbackBody(type, data), Json.InteractionCallbackBody);
        var route = DiscordRoute.Create(HttpMethod.Post, InteractionCallbackRoute, interactionId.ToString(), token);
        return file is null ? SendAsync(route, json, ct) : SendMultipartAsync(route, MultipartBody.Build(json, file, "data"), ct);
    }

    /// <summary>Edits the original (for example deferred) interaction reply; valid for 15 minutes.</summary>
    public async Task EditOriginalInteractionResponseAsync(Snowflake applicationId, string token, DiscordMessagePayload message, DiscordFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = Serialize(MessageBody.From(message), Json.MessageBody);
        var route = DiscordRoute.Create(HttpMethod.Patch, "/webhooks/{webhook_id}/{webhook_token}/messages/@original", applicationId.ToString(), token);
        await (file is null ? SendAsync(route, json, ct) : SendMultipartAsync(route, MultipartBody.Build(json, file), ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// A further message for an interaction already answered (<c>flags</c> 64 keeps it private), with <paramref name="file"/>
    /// attached when given; the interaction's token allows it for 15 minutes.
    /// </summary>
    public Task<DiscordMessage> CreateFollowupMessageAsync(Snowflake applicationId, string token, DiscordMessagePayload message, DiscordFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(
            DiscordRoute.Create(HttpMethod.Post, "/webhooks/{webhook_id}/{webhook_token}", applicationId.ToString(), token),
            Serialize(MessageBody.From(message), Json.MessageBody), file, Json.DiscordMessage, ct);
    }

    private static DiscordRoute MemberRoleRoute(HttpMethod method, Snowflake guildId, Snowflake userId, Snowflake roleId) =>
        DiscordRoute.Create(method, "/guilds/{guild_id}/members/{user_id}/roles/{role_id}", guildId.ToString(), userId.ToString(), roleId.ToString());

    private static byte[] CommandArray(JsonElement commands) =>
        commands.ValueKind == JsonValueKind.Array
            ? Serialize(commands, Json.JsonElement)
            : throw new ArgumentException("Commands must be a JSON array; a bulk overwrite replaces every command with it.", nameof(commands));

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private Task<T> SendAsync<T>(DiscordRoute route, byte[]? body, JsonTypeInfo<T> result, CancellationToken ct) =>
        SendAsync(route, body, null, result, ct);

    /// <summary>A JSON body, sent as multipart with <paramref name="file"/> when there is one; the answer read as <typeparamref name="T"/>.</summary>
    private async Task<T> SendAsync<T>(DiscordRoute route, byte[]? body, DiscordFile? file, JsonTypeInfo<T> result, CancellationToken ct)
    {
        var bytes = await (file is null || body is null ? SendAsync(route, body, ct) : SendMultipartAsync(route, MultipartBody.Build(body, file), ct)).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, result)
            ?? throw new JsonException($"Discord answered {route.Method} {route.Template} with null.");
    }

    private Task<byte[]> SendMultipartAsync(DiscordRoute route, (byte[] Body, string ContentType) multipart, CancellationToken ct) =>
        SendAsync(route, multipart.Body, ct, multipart.ContentType);

    private Task<byte[]> SendAsync(DiscordRoute route, byte[]? body, CancellationToken ct, string contentType = "application/json") =>
        api.Sender.SendAsync(new Call(api.Http, limiter, logger, route, () => CreateRequest(route, body, contentType)), ct);

    /// <summary>Discord's policy for one request: its route's rate-limit buckets, repeatable routes, and error classes.</summary>
    private sealed class Call(HttpClient http, DiscordRateLimiter limiter, ILogger logger, DiscordRoute route, Func<HttpRequestMessage> createRequest)
        : IApiCall<byte[]>
    {
        private string Method => route.Method.Method;

        public bool Repeatable { get; } = route.Method != HttpMethod.Post || RepeatablePosts.Contains(route.Template);

        public ValueTask WaitForRateLimitAsync(CancellationToken ct) => limiter.AcquireAsync(route, ct);

        public async Task<HttpResponseMessage> SendOnceAsync(CancellationToken ct)
        {
            using var request = createRequest();
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }

        public async Task<ApiVerdict<byte[]>> JudgeAsync(HttpResponseMessage response, int attempt, bool mayRetry, CancellationToken ct)
        {
            var headers = DiscordRateLimitHeaders.Parse(response.Headers);
            limiter.OnResponse(route, headers);
            var content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return ApiVerdict<byte[]>.Done(content);
            }

            var status = response.StatusCode;
            if (status == HttpStatusCode.TooManyRequests)
            {
                var limit = DiscordRateLimit.Parse(headers, content);
                limiter.OnRateLimited(route, limit);
                if (mayRetry && limit.RetryAfter <= limiter.MaxWait)
                {
                    return ApiVerdict<byte[]>.RetryAfterRateLimit();
                }

                throw new DiscordRateLimitedException(limit.RetryAfter, limit.Scope);
            }

            if ((int)status >= 500 && Repeatable && mayRetry)
            {
                return ApiVerdict<byte[]>.RetryAfterBackoff((int)status);
            }

            var error = DiscordApiError.Parse(status, content, response.ReasonPhrase);
            if (status == HttpStatusCode.Unauthorized)
            {
                DiscordRestLog.Unauthorized(logger, Method, route.Template);
                throw new DiscordAuthenticationException(error);
            }

            DiscordRestLog.Refused(logger, Method, route.Template, (int)status, error.Code);
            throw new DiscordApiException(error);
        }

        public void LogNetworkErrorRetrying(Exception error, int attempt, TimeSpan delay) =>
            DiscordRestLog.NetworkErrorRetrying(logger, error, Method, route.Template, attempt, delay.TotalSeconds);

        public void LogServerErrorRetrying(int status, int attempt, TimeSpan delay) =>
            DiscordRestLog.ServerErrorRetrying(logger, status, Method, route.Template, attempt, delay.TotalSeconds);
    }

    private HttpRequestMessage CreateRequest(DiscordRoute route, byte[]? body, string contentType)
    {
        var baseUrl = options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        var request = new HttpRequestMessage(route.Method, new Uri(baseUrl + route.Path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return request;
    }
}
