using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Slack.Inbound;

namespace NetworkBot.Slack.Http;

/// <summary>
/// Slack HTTP mode (PROTOCOLS §6): the Request URLs of the Slack app. Every request's signature is checked over the
/// raw body bytes before anything reads the body as a form or JSON; unsigned, stale or altered requests get 401 and
/// are not queued. A valid request goes to the <see cref="SlackInbox"/> and the consumer's acknowledgement is the
/// HTTP response, or an empty 200 after <see cref="SlackInbound.AckDeadline"/>.
/// </summary>
public static class SlackHttpEndpoints
{
    public const string EventsPath = "/slack/events";
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";

    /// <summary>Large enough for the biggest view payloads; a bigger body is not from Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Maps <c>POST /slack/events</c> (Events API, <c>url_verification</c> included), <c>/slack/commands</c> (slash
    /// commands) and <c>/slack/interactions</c> (interactivity). Needs <c>AddSlack</c> and <c>Slack:SigningSecret</c>;
    /// without the secret they answer 404.
    /// </summary>
    public static IEndpointConventionBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var slack = endpoints.MapGroup("");
        slack.MapPost(EventsPath, context => HandleAsync(context, SlackInboundKind.Event));
        slack.MapPost(CommandsPath, context => HandleAsync(context, SlackInboundKind.SlashCommand));
        slack.MapPost(InteractionsPath, context => HandleAsync(context, SlackInboundKind.Interactive));
        return slack;
    }

    private static async Task HandleAsync(HttpContext context, SlackInboundKind kind)
    {
        var services = context.RequestServices;
        var secret = services.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret;
        if (string.IsNullOrEmpty(secret))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SlackHttpEndpoints));
        var request = context.Request;
        var ct = context.RequestAborted;
        if (await ReadRawBodyAsync(request, ct).ConfigureAwait(false) is not { } body)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var path = request.Path.Value ?? "";
        if (!SlackRequestSignature.IsValid(secret, request.Headers[SlackRequestSignature.TimestampHeader], request.Headers[SlackRequestSignature.SignatureHeader], body, time.GetUtcNow()))
        {
            SlackHttpLog.Unsigned(logger, path);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (SlackHttpBody.TryParse(kind, body) is not { } parsed)
        {
            SlackHttpLog.Unreadable(logger, path);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (parsed.Challenge is { } challenge)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(challenge, ct).ConfigureAwait(false);
            return;
        }

        var retry = int.TryParse(request.Headers["X-Slack-Retry-Num"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var inbox = services.GetRequiredService<SlackInbox>();
        var delivery = inbox.Receive(kind, parsed.Payload, parsed.DeliveryId, parsed.EventId, retry);
        if (delivery.Inbound is not { } inbound)
        {
            SlackHttpLog.Redelivery(logger, parsed.DeliveryId, retry);
        }
        else
        {
            using var queueing = new CancellationTokenSource(SlackInbound.AckDeadline, time);
            using var queueingOrAborted = CancellationTokenSource.CreateLinkedTokenSource(ct, queueing.Token);
            try
            {
                await inbox.WriteAsync(inbound, queueingOrAborted.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Not queued: forget it, so Slack's next attempt is taken as new.
                inbox.Release(delivery.Keys);
                delivery.Ack.Abandon();
                if (ct.IsCancellationRequested)
                {
                    throw;
                }

                SlackHttpLog.InboxFull(logger, path, SlackInbound.AckDeadline.TotalSeconds);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
        }

        await RespondAsync(context.Response, delivery.Ack, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The acknowledgement as the HTTP response, once it has its payload. A request Slack gave up on (aborted) abandons
    /// it, so an answer meant for it goes with Slack's retry or by <c>response_url</c> instead.
    /// </summary>
    private static async Task RespondAsync(HttpResponse http, AckSlot ack, CancellationToken ct)
    {
        JsonNode? response;
        try
        {
            response = await ack.Payload.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ack.Abandon();
            throw;
        }

        var sent = false;
        try
        {
            if (response is not null)
            {
                http.ContentType = "application/json; charset=utf-8";
                await http.WriteAsync(response.ToJsonString(), ct).ConfigureAwait(false);
            }

            // Flushed to a connection still open: as close to "Slack has it" as the server can know. Kestrel does not
            // fail writes to a request the client dropped, so the abort is checked after them.
            await http.CompleteAsync().ConfigureAwait(false);
            sent = !ct.IsCancellationRequested;
        }
        finally
        {
            ack.Sent(sent);
        }
    }

    /// <summary>
    /// The body exactly as sent, before any form or JSON parsing (the signature covers these bytes); buffered, so
    /// later readers still see it. Null when it exceeds <see cref="MaxBodyBytes"/>.
    /// </summary>
    private static async Task<byte[]?> ReadRawBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxBodyBytes);
        using var copy = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(copy, ct).ConfigureAwait(false);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return null;
        }

        request.Body.Position = 0;
        return copy.ToArray();
    }
}
