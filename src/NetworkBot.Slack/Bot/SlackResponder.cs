using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Telemetry;
using NetworkBot.Core.Texts;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.Inbound;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;
using static NetworkBot.Slack.Inbound.SlackJson;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// Answers one delivery from Slack through Core, inside Slack's 3 s. A slash command's reply ready within
/// <see cref="AnswerWithin"/> is the acknowledgement itself (ephemeral); a slower one is acknowledged empty and
/// follows by <c>response_url</c>, and so does one whose acknowledgement never reached Slack (its socket died and no
/// redelivery's acknowledgement could carry it). A form opens as a modal at once, while the <c>trigger_id</c> is fresh.
/// Buttons and selects are acknowledged at once and answered beside their message (or redraw it); a modal's
/// fields are checked before the acknowledgement, so a mistake shows under its field and nothing changes.
/// Never logs what members typed.
/// </summary>
public sealed partial class SlackResponder(
    CommandDispatcher dispatcher,
    OptionBinder binder,
    SlackCallers callers,
    SlackAnswers answers,
    SlackAppHome home,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<SlackResponder> logger)
{
    /// <summary>Inside <see cref="SlackInbound.AckDeadline"/>, leaving room to send the acknowledgement.</summary>
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(2);

    public async Task RespondAsync(SlackInbound inbound, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        switch (inbound.Kind, inbound.Type)
        {
            case (SlackInboundKind.SlashCommand, _):
                await CommandAsync(inbound, ct).ConfigureAwait(false);
                break;
            case (SlackInboundKind.Interactive, "block_actions"):
                await AckAsync(inbound, null, ct).ConfigureAwait(false);
                await ActionAsync(inbound.Payload, ct).ConfigureAwait(false);
                break;
            case (SlackInboundKind.Interactive, "view_submission"):
                await SubmissionAsync(inbound, ct).ConfigureAwait(false);
                break;
            case (SlackInboundKind.Event, _):
                await AckAsync(inbound, null, ct).ConfigureAwait(false);
                await home.OnEventAsync(inbound.Payload, ct).ConfigureAwait(false);
                break;
            default:
                // view_closed, shortcuts and the like: nothing to do.
                await AckAsync(inbound, null, ct).ConfigureAwait(false);
                break;
        }
    }

    /// <summary><c>/network coffee join</c>: the text after the command is a command line of the table; empty is help.</summary>
    private async Task CommandAsync(SlackInbound inbound, CancellationToken ct)
    {
        var payload = inbound.Payload;
        var (team, user, channel) = (String(payload, "team_id"), String(payload, "user_id"), String(payload, "channel_id"));
        if (team is null || user is null)
        {
            await AckAsync(inbound, null, ct).ConfigureAwait(false);
            return;
        }

        var line = String(payload, "text") is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text : "help";
        var path = CommandTextParser.Parse(line) is CommandParseResult.Parsed parsed ? parsed.Path : "help";
        var handling = Task.Run(
            async () =>
            {
                var request = await callers.RequestAsync(team, user, String(payload, "user_name"), CommandInvocation.Of(path), channel, ct).ConfigureAwait(false);
                return await SafelyAsync(request, () => dispatcher.HandleTextAsync(request, line, ct), ct).ConfigureAwait(false);
            },
            ct);

        if (await AnswerDeadline.MetAsync(handling, AnswerWithin, time, ct).ConfigureAwait(false))
        {
            var reply = await handling.ConfigureAwait(false);
            if (reply.Form is { } form)
            {
                await OpenFormAsync(String(payload, "trigger_id"), form, team, user, channel, ct).ConfigureAwait(false);
                await AckAsync(inbound, null, ct).ConfigureAwait(false);
            }
            else if (await AckAsync(inbound, answers.Ephemeral(reply), ct).ConfigureAwait(false)
                && await inbound.ResponseDelivered.WaitAsync(ct).ConfigureAwait(false))
            {
                await answers.FileAsync(user, reply, ct).ConfigureAwait(false);
            }
            else
            {
                AnswerFollows(logger, path);
                await answers.FollowUpAsync(String(payload, "response_url"), channel, user, reply, ct).ConfigureAwait(false);
            }

            return;
        }

        await AckAsync(inbound, null, ct).ConfigureAwait(false);
        Deferred(logger, path);
        var late = await handling.ConfigureAwait(false);
        if (late.Form is { } lateForm)
        {
            await OpenFormAsync(String(payload, "trigger_id"), lateForm, team, user, channel, ct).ConfigureAwait(false);
        }
        else
        {
            await answers.FollowUpAsync(String(payload, "response_url"), channel, user, late, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A button or select of a NetworkBot message, modal or App Home.</summary>
    private async Task ActionAsync(JsonElement payload, CancellationToken ct)
    {
        var team = StringAt(payload, "team", "id") ?? StringAt(payload, "user", "team_id");
        var user = StringAt(payload, "user", "id");
        if (team is null || user is null)
        {
            return;
        }

        var channel = StringAt(payload, "channel", "id") ?? StringAt(payload, "container", "channel_id");
        var action = payload.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array && actions.GetArrayLength() > 0
            ? actions[0]
            : default;
        var value = action.ValueKind == JsonValueKind.Object ? String(action, "value") ?? StringAt(action, "selected_option", "value") : null;
        if (action.ValueKind != JsonValueKind.Object || !SlackActionValues.TryDecodeAction(String(action, "action_id"), value, out var invocation))
        {
            NotUnderstood(logger, "an action NetworkBot did not render");
            var language = await callers.LanguageAsync(SlackPlatform.CommunityFor(team), new MemberId(user), ct).ConfigureAwait(false);
            await answers.FollowUpAsync(String(payload, "response_url"), channel, user, Reply.Error(Messages.NotUnderstood.Get(language)), ct).ConfigureAwait(false);
            return;
        }

        var request = await callers.RequestAsync(team, user, StringAt(payload, "user", "username") ?? StringAt(payload, "user", "name"), invocation, channel, ct).ConfigureAwait(false);
        var reply = await SafelyAsync(request, () => dispatcher.HandleAsync(request, ct), ct).ConfigureAwait(false);
        var onHome = StringAt(payload, "view", "type") == "home";
        if (reply.Form is { } form)
        {
            await OpenFormAsync(String(payload, "trigger_id"), form, team, user, channel, ct).ConfigureAwait(false);
        }
        else if (reply.ReplacesSource && StringAt(payload, "container", "type") == "message"
            && payload.GetProperty("container").TryGetProperty("is_ephemeral", out var ephemeral) && ephemeral.ValueKind == JsonValueKind.True)
        {
            // A confirmation shown only to the member (the answer to /privacy delete): its response_url redraws it.
            await answers.ReplaceEphemeralAsync(String(payload, "response_url"), channel, user, reply, ct).ConfigureAwait(false);
        }
        else if (reply.ReplacesSource && StringAt(payload, "container", "type") == "message"
            && channel is not null && StringAt(payload, "container", "message_ts") is { } ts)
        {
            await answers.ReplaceAsync(new SlackMessageRef(channel, ts), user, reply, ct).ConfigureAwait(false);
        }
        else
        {
            await answers.FollowUpAsync(String(payload, "response_url"), onHome ? null : channel, user, reply, ct).ConfigureAwait(false);
        }

        if (onHome)
        {
            await home.PublishAsync(team, user, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A NetworkBot modal submitted: each field is checked on its own so its error shows under it.</summary>
    private async Task SubmissionAsync(SlackInbound inbound, CancellationToken ct)
    {
        var payload = inbound.Payload;
        var team = StringAt(payload, "team", "id") ?? StringAt(payload, "user", "team_id");
        var user = StringAt(payload, "user", "id");
        if (team is null || user is null || !SlackActionValues.TryDecode(StringAt(payload, "view", "callback_id"), out var submit)
            || CommandTable.Find(submit.Path) is not { } spec)
        {
            NotUnderstood(logger, "a modal NetworkBot did not open");
            await AckAsync(inbound, null, ct).ConfigureAwait(false);
            return;
        }

        var channel = SlackActionValues.TryDecode(StringAt(payload, "view", "private_metadata"), out var context)
            && context.Options.TryGetValue(SlackAnswers.ChannelContext, out var where) ? where : null;
        var values = StateValues(payload);
        var community = SlackPlatform.CommunityFor(team);
        var language = await callers.LanguageAsync(community, new MemberId(user), ct).ConfigureAwait(false);
        var errors = new JsonObject();
        foreach (var option in spec.Options.Where(o => values.ContainsKey(o.Name)))
        {
            var (_, problems) = await binder.BindAsync(spec with { Options = [option] }, new Dictionary<string, string> { [option.Name] = values[option.Name] }, community, ct).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                errors[option.Name] = string.Join(' ', problems.Select(p => p.Render(language)));
            }
        }

        if (errors.Count > 0)
        {
            await AckAsync(inbound, new JsonObject { ["response_action"] = "errors", ["errors"] = errors }, ct).ConfigureAwait(false);
            return;
        }

        await AckAsync(inbound, new JsonObject { ["response_action"] = "clear" }, ct).ConfigureAwait(false);
        var request = await callers.RequestAsync(team, user, StringAt(payload, "user", "username") ?? StringAt(payload, "user", "name"), submit with { Options = values }, channel, ct).ConfigureAwait(false);
        var reply = await SafelyAsync(request, () => dispatcher.HandleAsync(request, ct), ct).ConfigureAwait(false);
        await answers.PrivatelyAsync(channel, user, reply, ct).ConfigureAwait(false);
    }

    /// <summary><c>view.state.values[block][action]</c> as option values: a text input's value (empty clears the field) or a select's choice.</summary>
    private static Dictionary<string, string> StateValues(JsonElement payload)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!payload.TryGetProperty("view", out var view) || !view.TryGetProperty("state", out var state)
            || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
        {
            return values;
        }

        foreach (var block in blocks.EnumerateObject().Where(b => b.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var input in block.Value.EnumerateObject().Where(i => i.Value.ValueKind == JsonValueKind.Object))
            {
                values[input.Name] = String(input.Value, "value") ?? StringAt(input.Value, "selected_option", "value") ?? string.Empty;
            }
        }

        return values;
    }

    /// <summary>
    /// Acknowledges the delivery: for a command or an interaction that is its answer (or its defer), measured from its
    /// receipt; an event's acknowledgement answers nobody.
    /// </summary>
    private async ValueTask<bool> AckAsync(SlackInbound inbound, JsonNode? responsePayload, CancellationToken ct)
    {
        var taken = await inbound.AckAsync(responsePayload, ct).ConfigureAwait(false);
        if (KindOf(inbound) is { } kind)
        {
            metrics.Answered(SlackPlatform.PlatformName, kind, time.GetUtcNow() - inbound.ReceivedAt);
        }

        return taken;
    }

    private static InteractionKind? KindOf(SlackInbound inbound) => (inbound.Kind, inbound.Type) switch
    {
        (SlackInboundKind.SlashCommand, _) => InteractionKind.Command,
        (SlackInboundKind.Interactive, "block_actions") => InteractionKind.Component,
        (SlackInboundKind.Interactive, "view_submission") => InteractionKind.Form,
        (SlackInboundKind.Interactive, _) => InteractionKind.Other,
        _ => null,
    };

    private async Task OpenFormAsync(string? trigger, ReplyForm form, string team, string user, string? channel, CancellationToken ct)
    {
        var language = await callers.LanguageAsync(SlackPlatform.CommunityFor(team), new MemberId(user), ct).ConfigureAwait(false);
        await answers.OpenFormAsync(trigger, form, language, channel, user, ct).ConfigureAwait(false);
    }

    /// <summary>The dispatcher answers refusals and handler bugs itself; this also covers the store or Slack failing before that.</summary>
    private async Task<Reply> SafelyAsync(CommandRequest request, Func<Task<Reply>> handle, CancellationToken ct)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            CommandFailed(logger, exception, request.Path, request.Community.Value);
            return Reply.Error(Messages.InternalError.Get(request.Locale ?? Language.En));
        }
    }

    [LoggerMessage(EventId = 3610, Level = LogLevel.Information, Message = "Slack {Path} is taking a while; acknowledged empty, the answer follows")]
    private static partial void Deferred(ILogger logger, string path);

    [LoggerMessage(EventId = 3613, Level = LogLevel.Information, Message = "Slack {Path}: no acknowledgement Slack reads could carry the answer (too late, or its socket died); it follows by response_url")]
    private static partial void AnswerFollows(ILogger logger, string path);

    [LoggerMessage(EventId = 3611, Level = LogLevel.Information, Message = "Slack sent {What}; answered that it was not understood")]
    private static partial void NotUnderstood(ILogger logger, string what);

    [LoggerMessage(EventId = 3612, Level = LogLevel.Error, Message = "Slack {Path} of {Community} failed before its handler ran")]
    private static partial void CommandFailed(ILogger logger, Exception exception, string path, string community);
}
