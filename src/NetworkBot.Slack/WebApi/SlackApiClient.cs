using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Slack.WebApi.Payloads;
using NetworkBot.Transport;

namespace NetworkBot.Slack.WebApi;

/// <summary>
/// The Slack Web API methods NetworkBot calls, over one <see cref="HttpClient"/>. Every answer is checked for
/// <c>ok</c> (Slack reports errors as HTTP 200 <c>ok:false</c>) and a refusal surfaces as <see cref="SlackApiException"/>
/// carrying Slack's <c>error</c> code. A 429 pauses its own method for <c>Retry-After</c> and is retried; 5xx and
/// network errors are retried with backoff; every call gives up after <see cref="RetryingSender.ApiAttempts"/> tries.
/// Message and view methods send JSON; the others send form bodies, as Slack's own SDKs do.
/// </summary>
public sealed class SlackApiClient(ApiConnection api, IOptions<SlackOptions> options, SlackRateLimiter limiter, ILogger<SlackApiClient> logger)
{
    /// <summary>Largest number of users <c>conversations.open</c> takes for a group DM.</summary>
    public const int MaxGroupDmUsers = 8;

    /// <summary>Used when a 429 (or an <c>ok:false ratelimited</c>) carries no <c>Retry-After</c>.</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Methods that post something new: sent again after a request was lost mid-flight they could post twice, so
    /// only failures Slack surely never saw (a refused connection) are retried for them.
    /// </summary>
    private static readonly HashSet<string> NotRepeatable = new(StringComparer.Ordinal) { "chat.postMessage", "chat.postEphemeral" };

    /// <summary>How <see cref="RespondAsync"/> names itself in errors and logs; the URL itself is a secret of the interaction.</summary>
    private const string ResponseUrl = "response_url";

    private static SlackWebApiJsonContext Json => SlackWebApiJsonContext.Default;

    /// <summary>Items asked for per page by the paged methods (Slack recommends at most 200).</summary>
    public int PageSize { get; init; } = 200;

    /// <summary>Who the bot is: its user id and the workspace (team) the token belongs to.</summary>
    public Task<SlackAuth> AuthTestAsync(CancellationToken ct) =>
        CallAsync(SlackRequest.Form("auth.test"), Json.SlackAuth, ct);

    /// <summary>Posts a message (links and media are not unfurled), with its metadata if any, and returns where it landed.</summary>
    public async Task<SlackMessageRef> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        var body = new ChatPostMessageBody(channel, message.Text, message.Blocks, threadTs, Metadata: message.Metadata);
        var posted = await CallAsync(SlackRequest.FromJson("chat.postMessage", body, Json.ChatPostMessageBody), Json.PostMessageResponse, ct).ConfigureAwait(false);
        return new SlackMessageRef(posted.Channel, posted.Ts);
    }

    /// <summary>Replaces a message the bot posted (live RSVP counts, answered buttons).</summary>
    public async Task<SlackMessageRef> UpdateMessageAsync(SlackMessageRef target, SlackMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var body = new ChatUpdateBody(target.Channel, target.Ts, message.Text, message.Blocks);
        var updated = await CallAsync(SlackRequest.FromJson("chat.update", body, Json.ChatUpdateBody), Json.PostMessageResponse, ct).ConfigureAwait(false);
        return new SlackMessageRef(updated.Channel, updated.Ts);
    }

    /// <summary>Shows a message only <paramref name="user"/> sees, in <paramref name="channel"/>; returns its <c>message_ts</c>.</summary>
    public async Task<string> PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(message);
        var body = new ChatPostEphemeralBody(channel, user, message.Text, message.Blocks);
        var posted = await CallAsync(SlackRequest.FromJson("chat.postEphemeral", body, Json.ChatPostEphemeralBody), Json.PostEphemeralResponse, ct).ConfigureAwait(false);
        return posted.MessageTs;
    }

    /// <summary>
    /// Posts a message to an interaction's <c>response_url</c> (valid 30 minutes, 5 uses): shown to the member where they
    /// acted, ephemeral unless <paramref name="message"/> says otherwise, in channels the bot is not in as well. The
    /// URL is Slack's own per interaction, so it gets no token. Like <c>chat.postEphemeral</c> it is tried again only
    /// when the connection was refused, so the member never sees it twice.
    /// </summary>
    /// <exception cref="SlackApiException">
    /// Slack refused it (<c>http_404</c> for an expired or used-up URL), was never reached (<see cref="SlackApiErrors.ConnectionError"/>),
    /// or the request was lost on the way, so it may or may not have been shown (<see cref="SlackApiErrors.RequestLost"/>).
    /// </exception>
    public async Task RespondAsync(Uri responseUrl, JsonObject message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        var post = new ResponseUrlPost(this, api.Http, logger, responseUrl, System.Text.Encoding.UTF8.GetBytes(message.ToJsonString()));
        try
        {
            await api.Sender.SendAsync(post, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SlackApiException(ResponseUrl, e.HttpRequestError == HttpRequestError.ConnectionError ? SlackApiErrors.ConnectionError : SlackApiErrors.RequestLost);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SlackApiException(ResponseUrl, SlackApiErrors.RequestLost);
        }
    }

    /// <summary>
    /// Opens (or returns the existing) DM with one user, or the group DM of 2–8 users, and returns its channel id.
    /// Slack keeps one group DM per set of people, so opening it again finds the same conversation.
    /// </summary>
    public async Task<string> OpenConversationAsync(IReadOnlyList<string> users, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count is 0 or > MaxGroupDmUsers)
        {
            throw new ArgumentException($"conversations.open takes 1 to {MaxGroupDmUsers} users; got {users.Count}.", nameof(users));
        }

        var opened = await CallAsync(
            SlackRequest.Form("conversations.open", ("users", UserList(users)), ("return_im", "true")), Json.ConversationResponse, ct).ConfigureAwait(false);
        return opened.Channel.Id;
    }

    /// <summary>
    /// Shares a file in a conversation with Slack's external upload: reserve an upload URL, send the bytes there, then
    /// complete the upload into <paramref name="channel"/>.
    /// </summary>
    public async Task UploadFileAsync(string channel, string fileName, byte[] content, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var ticket = await CallAsync(
            SlackRequest.Form("files.getUploadURLExternal", ("filename", fileName), ("length", content.Length.ToString(CultureInfo.InvariantCulture))),
            Json.UploadTicketResponse, ct).ConfigureAwait(false);
        using (var bytes = new ByteArrayContent(content))
        using (var sent = await api.Http.PostAsync(new Uri(ticket.UploadUrl), bytes, ct).ConfigureAwait(false))
        {
            if (!sent.IsSuccessStatusCode)
            {
                throw new SlackApiException("files.getUploadURLExternal", $"http_{(int)sent.StatusCode}");
            }
        }

        var files = new JsonArray(new JsonObject { ["id"] = ticket.FileId, ["title"] = fileName }).ToJsonString();
        await CallAsync(SlackRequest.Form("files.completeUploadExternal", ("files", files), ("channel_id", channel)), ct).ConfigureAwait(false);
    }

    /// <summary>Creates a channel; <paramref name="name"/> must already follow Slack's rules (lower case, at most 80 characters).</summary>
    public async Task<SlackConversation> CreateConversationAsync(string name, bool isPrivate, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var created = await CallAsync(
            SlackRequest.Form("conversations.create", ("name", name), ("is_private", isPrivate ? "true" : "false")), Json.ConversationResponse, ct).ConfigureAwait(false);
        return created.Channel;
    }

    /// <summary>Adds the bot to a public channel; joining one it is in already succeeds with a warning.</summary>
    public async Task<SlackConversation> JoinConversationAsync(string channel, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        var joined = await CallAsync(SlackRequest.Form("conversations.join", ("channel", channel)), Json.ConversationResponse, ct).ConfigureAwait(false);
        return joined.Channel;
    }

    /// <summary>Invites users to a channel the bot is in (<c>already_in_channel</c> when all of them are).</summary>
    public Task InviteAsync(string channel, IReadOnlyList<string> users, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(users);
        return CallAsync(SlackRequest.Form("conversations.invite", ("channel", channel), ("users", UserList(users))), ct);
    }

    /// <summary>Removes a user from a channel (<c>not_in_channel</c> when they are not in it).</summary>
    public Task KickAsync(string channel, string user, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return CallAsync(SlackRequest.Form("conversations.kick", ("channel", channel), ("user", UserList([user]))), ct);
    }

    /// <summary>The workspace's public channels that are not archived, page by page.</summary>
    public IAsyncEnumerable<SlackConversation> ListPublicChannelsAsync(CancellationToken ct) =>
        PagesAsync(
            "conversations.list", [("types", "public_channel"), ("exclude_archived", "true")],
            Json.ConversationListResponse, page => page.Channels, ct);

    /// <summary>A conversation's messages posted since <paramref name="oldest"/>, newest first, with their metadata, page by page.</summary>
    public IAsyncEnumerable<SlackHistoryMessage> ListHistoryAsync(string channel, DateTimeOffset oldest, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        var ts = (oldest.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);
        return PagesAsync(
            "conversations.history", [("channel", channel), ("oldest", ts), ("include_all_metadata", "true")],
            Json.HistoryResponse, page => page.Messages, ct);
    }

    /// <summary>Everyone in the workspace (people, bots, deactivated accounts), page by page.</summary>
    public IAsyncEnumerable<SlackUser> ListUsersAsync(CancellationToken ct) =>
        PagesAsync("users.list", [], Json.UserListResponse, page => page.Members, ct);

    /// <summary>One user, with their locale.</summary>
    public async Task<SlackUser> GetUserAsync(string user, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        var found = await CallAsync(SlackRequest.Form("users.info", ("user", user), ("include_locale", "true")), Json.UserResponse, ct).ConfigureAwait(false);
        return found.User;
    }

    /// <summary>Opens a modal; <paramref name="triggerId"/> expires 3 seconds after the click that made it.</summary>
    public Task<SlackView> OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(triggerId);
        ArgumentNullException.ThrowIfNull(view);
        return ViewAsync(SlackRequest.FromJson("views.open", new ViewsOpenBody(triggerId, view), Json.ViewsOpenBody), ct);
    }

    /// <summary>Replaces an open modal; with <paramref name="hash"/>, only if nobody changed it since.</summary>
    public Task<SlackView> UpdateViewAsync(string viewId, JsonObject view, string? hash, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(viewId);
        ArgumentNullException.ThrowIfNull(view);
        return ViewAsync(SlackRequest.FromJson("views.update", new ViewsUpdateBody(viewId, view, hash), Json.ViewsUpdateBody), ct);
    }

    /// <summary>Sets a user's App Home tab (a view of type <c>home</c>).</summary>
    public Task<SlackView> PublishViewAsync(string userId, JsonObject view, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(view);
        return ViewAsync(SlackRequest.FromJson("views.publish", new ViewsPublishBody(userId, view), Json.ViewsPublishBody), ct);
    }

    private async Task<SlackView> ViewAsync(SlackRequest request, CancellationToken ct) =>
        (await CallAsync(request, Json.ViewResponse, ct).ConfigureAwait(false)).View;

    /// <summary>A comma-separated user list; an id with a comma would smuggle more users in, so it is refused.</summary>
    private static string UserList(IReadOnlyList<string> users)
    {
        foreach (var user in users)
        {
            if (string.IsNullOrEmpty(user) || user.AsSpan().IndexOfAny(", \t\r\n") >= 0)
            {
                throw new ArgumentException($"'{user}' is not a Slack user id.", nameof(users));
            }
        }

        return string.Join(',', users);
    }

    private async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
        string method,
        (string Name, string Value)[] arguments,
        JsonTypeInfo<TPage> pageType,
        Func<TPage, IReadOnlyList<TItem>?> items,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var pageArguments = arguments.Append(("limit", PageSize.ToString(CultureInfo.InvariantCulture)));
            if (cursor is not null)
            {
                pageArguments = pageArguments.Append(("cursor", cursor));
            }

            var (bytes, envelope) = await SendAsync(SlackRequest.Form(method, [.. pageArguments]), ct).ConfigureAwait(false);
            var page = Deserialize(method, bytes, pageType);
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }

            // A cursor seen before would loop forever; Slack never sends one, a broken proxy might.
            cursor = envelope.ResponseMetadata?.NextCursor is { Length: > 0 } next && seen.Add(next) ? next : null;
        }
        while (cursor is not null);
    }

    private async Task<T> CallAsync<T>(SlackRequest request, JsonTypeInfo<T> result, CancellationToken ct)
    {
        var (bytes, _) = await SendAsync(request, ct).ConfigureAwait(false);
        return Deserialize(request.Method, bytes, result);
    }

    private async Task CallAsync(SlackRequest request, CancellationToken ct) =>
        await SendAsync(request, ct).ConfigureAwait(false);

    private static T Deserialize<T>(string method, byte[] bytes, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type) ?? throw new SlackApiException(method, SlackApiErrors.InvalidResponse);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, SlackApiErrors.InvalidResponse);
        }
    }

    private Task<(byte[] Bytes, SlackEnvelope Envelope)> SendAsync(SlackRequest request, CancellationToken ct) =>
        api.Sender.SendAsync(new Call(this, api.Http, limiter, logger, request), ct);

    /// <summary>
    /// Slack's policy for one Web API call: rate limits per method, posting methods not repeated once they may have
    /// reached Slack, 429 and <c>ok:false ratelimited</c> alike, <c>ok:false</c> as a refusal.
    /// </summary>
    private sealed class Call(SlackApiClient client, HttpClient http, SlackRateLimiter limiter, ILogger logger, SlackRequest request)
        : IApiCall<(byte[] Bytes, SlackEnvelope Envelope)>
    {
        private string Method => request.Method;

        // Governs requests lost mid-flight and 5xx answers alike: Slack may have posted before it failed to answer.
        public bool Repeatable { get; } = !NotRepeatable.Contains(request.Method);

        public ValueTask WaitForRateLimitAsync(CancellationToken ct) => limiter.AcquireAsync(Method, ct);

        public async Task<HttpResponseMessage> SendOnceAsync(CancellationToken ct)
        {
            using var message = client.CreateRequest(request);
            return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        }

        public async Task<ApiVerdict<(byte[] Bytes, SlackEnvelope Envelope)>> JudgeAsync(HttpResponseMessage response, int attempt, bool mayRetry, CancellationToken ct)
        {
            var content = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var envelope = ParseEnvelope(content);
            if (response.StatusCode == HttpStatusCode.TooManyRequests || envelope?.Error == SlackApiErrors.RateLimited)
            {
                var retryAfter = client.RetryAfter(response) ?? DefaultRetryAfter;
                SlackApiLog.RateLimited(logger, Method, attempt, retryAfter.TotalSeconds);
                limiter.OnRateLimited(Method, retryAfter);
                if (mayRetry && retryAfter <= limiter.MaxWait)
                {
                    return ApiVerdict<(byte[], SlackEnvelope)>.RetryAfterRateLimit();
                }

                throw new SlackApiException(Method, SlackApiErrors.RateLimited, retryAfter: retryAfter);
            }

            if (status >= 500)
            {
                return mayRetry && Repeatable ? ApiVerdict<(byte[], SlackEnvelope)>.RetryAfterBackoff(status) : throw new SlackApiException(Method, $"http_{status}");
            }

            if (envelope is null)
            {
                throw new SlackApiException(Method, response.IsSuccessStatusCode ? SlackApiErrors.InvalidResponse : $"http_{status}");
            }

            if (!envelope.Ok)
            {
                throw client.Refused(Method, envelope);
            }

            if (envelope.Warning is { } warning)
            {
                SlackApiLog.Warned(logger, Method, warning);
            }

            return ApiVerdict<(byte[], SlackEnvelope)>.Done((content, envelope));
        }

        public void LogNetworkErrorRetrying(Exception error, int attempt, TimeSpan delay) =>
            SlackApiLog.NetworkErrorRetrying(logger, error, Method, attempt, delay.TotalSeconds);

        public void LogServerErrorRetrying(int status, int attempt, TimeSpan delay) =>
            SlackApiLog.ServerErrorRetrying(logger, status, Method, attempt, delay.TotalSeconds);
    }

    /// <summary>
    /// One post to a <c>response_url</c>: never repeated once it may have arrived (the member would see it twice), outside
    /// the Web API's per-method limits, any HTTP error or <c>ok:false</c> a refusal.
    /// </summary>
    private sealed class ResponseUrlPost(SlackApiClient client, HttpClient http, ILogger logger, Uri url, byte[] body) : IApiCall<bool>
    {
        public bool Repeatable => false;

        public ValueTask WaitForRateLimitAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public async Task<HttpResponseMessage> SendOnceAsync(CancellationToken ct)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return await http.PostAsync(url, content, ct).ConfigureAwait(false);
        }

        public async Task<ApiVerdict<bool>> JudgeAsync(HttpResponseMessage response, int attempt, bool mayRetry, CancellationToken ct)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(ResponseUrl, $"http_{(int)response.StatusCode}");
            }

            // Slack answers "ok" as text, or as JSON; an ok:false in JSON is a refusal all the same.
            var answer = ParseEnvelope(await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false));
            return answer is { Ok: false } ? throw client.Refused(ResponseUrl, answer) : ApiVerdict<bool>.Done(true);
        }

        public void LogNetworkErrorRetrying(Exception error, int attempt, TimeSpan delay) =>
            SlackApiLog.NetworkErrorRetrying(logger, error, ResponseUrl, attempt, delay.TotalSeconds);

        public void LogServerErrorRetrying(int status, int attempt, TimeSpan delay) =>
            SlackApiLog.ServerErrorRetrying(logger, status, ResponseUrl, attempt, delay.TotalSeconds);
    }

    private SlackApiException Refused(string method, SlackEnvelope envelope)
    {
        var error = string.IsNullOrEmpty(envelope.Error) ? "unknown_error" : envelope.Error;
        if (SlackApiErrors.IsAuthentication(error))
        {
            SlackApiLog.Unauthorized(logger, method, error);
        }
        else
        {
            SlackApiLog.Refused(logger, method, error);
        }

        var details = new List<string>(envelope.ResponseMetadata?.Messages ?? []);
        if (envelope.Needed is { } needed)
        {
            details.Add($"needed: {needed}");
        }

        if (envelope.Provided is { } provided)
        {
            details.Add($"provided: {provided}");
        }

        return new SlackApiException(method, error, details);
    }

    private static SlackEnvelope? ParseEnvelope(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(content, Json.SlackEnvelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - api.Time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private HttpRequestMessage CreateRequest(SlackRequest request)
    {
        var baseUrl = options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/');
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"{baseUrl}/{request.Method}"));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.BotToken);
        message.Content = request.CreateContent();
        return message;
    }
}
