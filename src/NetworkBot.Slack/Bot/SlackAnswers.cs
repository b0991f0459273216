using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NetworkBot.Slack.BlockKit;
using NetworkBot.Slack.WebApi;
using NetworkBot.Slack.WebApi.Payloads;

namespace NetworkBot.Slack.Bot;

/// <summary>
/// Shows a reply to the one member who asked, after the acknowledgement: by the interaction's <c>response_url</c> when
/// it has one, else ephemeral in the channel they used, or by DM where there is no channel or the bot may not post in
/// it (a channel it is not in), so no answer is lost. Forms open as modals on the interaction's <c>trigger_id</c>.
/// </summary>
public sealed partial class SlackAnswers(SlackApiClient api, IOptions<SlackOptions> options, ILogger<SlackAnswers> logger)
{
    /// <summary>The key of the modal context (in <c>private_metadata</c>) naming the channel to answer in.</summary>
    public const string ChannelContext = "_channel";

    /// <summary>The reply as a Slack message, with command names spelled as words of the app's slash command.</summary>
    public SlackMessage Render(Reply reply) => SlackRenderer.RenderMessage(reply, options.Value.Command);

    /// <summary>The reply as an ephemeral message body, for an acknowledgement or a <c>response_url</c>.</summary>
    public JsonObject Ephemeral(Reply reply)
    {
        var message = Render(reply);
        var payload = new JsonObject { ["response_type"] = "ephemeral", ["text"] = message.Text };
        if (message.Blocks is { } blocks)
        {
            payload["blocks"] = blocks.DeepClone();
        }

        return payload;
    }

    /// <summary>
    /// A reply that did not ride on an acknowledgement: by <paramref name="responseUrl"/>, which shows it where the member
    /// acted even in a channel the bot is not in, else (no URL, or Slack refused it) as <see cref="PrivatelyAsync"/>.
    /// A request lost on the way may have been shown, so it is not sent again another way.
    /// </summary>
    public Task FollowUpAsync(string? responseUrl, string? channel, string user, Reply reply, CancellationToken ct) =>
        FollowUpAsync(responseUrl, channel, user, reply, replaceOriginal: false, ct);

    /// <summary>
    /// Redraws the ephemeral message whose button was pressed (a confirmation shown to the member alone), by its
    /// <paramref name="responseUrl"/>: <c>chat.update</c> cannot reach it, as Slack keeps it only in the member's client.
    /// Otherwise as <see cref="FollowUpAsync(string?, string?, string, Reply, CancellationToken)"/>.
    /// </summary>
    public Task ReplaceEphemeralAsync(string? responseUrl, string? channel, string user, Reply reply, CancellationToken ct) =>
        FollowUpAsync(responseUrl, channel, user, reply, replaceOriginal: true, ct);

    private async Task FollowUpAsync(string? responseUrl, string? channel, string user, Reply reply, bool replaceOriginal, CancellationToken ct)
    {
        if (Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            try
            {
                var message = Ephemeral(reply);
                if (replaceOriginal)
                {
                    message["replace_original"] = true;
                }

                await api.RespondAsync(url, message, ct).ConfigureAwait(false);
                await FileAsync(user, reply, ct).ConfigureAwait(false);
                return;
            }
            catch (SlackApiException exception) when (exception.Error != SlackApiErrors.RequestLost)
            {
                ResponseUrlRefused(logger, exception.Error);
            }
        }

        await PrivatelyAsync(channel, user, reply, ct).ConfigureAwait(false);
    }

    /// <summary>The reply where only <paramref name="user"/> sees it (ephemeral, else a DM), with its file if it has one.</summary>
    public async Task PrivatelyAsync(string? channel, string user, Reply reply, CancellationToken ct)
    {
        await TextPrivatelyAsync(channel, user, reply, ct).ConfigureAwait(false);
        await FileAsync(user, reply, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A reply's file (an event's <c>.ics</c>) shared in the member's DM: Slack attaches no files to ephemeral
    /// messages or acknowledgements. Nothing when the reply has none.
    /// </summary>
    public async Task FileAsync(string user, Reply reply, CancellationToken ct)
    {
        if (reply.File is { } file)
        {
            var dm = await api.OpenConversationAsync([user], ct).ConfigureAwait(false);
            await api.UploadFileAsync(dm, file.Name, Encoding.UTF8.GetBytes(file.Content), ct).ConfigureAwait(false);
        }
    }

    private async Task TextPrivatelyAsync(string? channel, string user, Reply reply, CancellationToken ct)
    {
        var message = Render(reply);
        if (SlackIds.IsConversation(channel))
        {
            try
            {
                await api.PostEphemeralAsync(channel, user, message, ct).ConfigureAwait(false);
                return;
            }
            catch (SlackApiException exception) when (!exception.IsTransient)
            {
                EphemeralRefused(logger, channel, exception.Error);
            }
        }

        await DirectAsync(user, message, ct).ConfigureAwait(false);
    }

    /// <summary>Redraws the message a button is on, then shares the reply's file; where Slack will not redraw it, answers beside it.</summary>
    public async Task ReplaceAsync(SlackMessageRef source, string user, Reply reply, CancellationToken ct)
    {
        try
        {
            await api.UpdateMessageAsync(source, Render(reply), ct).ConfigureAwait(false);
            await FileAsync(user, reply, ct).ConfigureAwait(false);
        }
        catch (SlackApiException exception) when (!exception.IsTransient)
        {
            await PrivatelyAsync(source.Channel, user, reply, ct).ConfigureAwait(false);
        }
    }

    public async Task DirectAsync(string user, SlackMessage message, CancellationToken ct)
    {
        var dm = await api.OpenConversationAsync([user], ct).ConfigureAwait(false);
        await api.PostMessageAsync(dm, message, threadTs: null, ct).ConfigureAwait(false);
    }

    /// <summary>Opens the form; when the trigger has expired the member is told to try again.</summary>
    public async Task OpenFormAsync(string? triggerId, ReplyForm form, Language language, string? channel, string user, CancellationToken ct)
    {
        var context = channel is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { [ChannelContext] = channel };
        if (!string.IsNullOrEmpty(triggerId))
        {
            try
            {
                await api.OpenViewAsync(triggerId, SlackRenderer.RenderModal(form, language, context), ct).ConfigureAwait(false);
                return;
            }
            catch (SlackApiException exception) when (!exception.IsTransient)
            {
                FormRefused(logger, exception.Error);
            }
        }

        await PrivatelyAsync(channel, user, Reply.Error(Messages.SlackFormExpired.Get(language)), ct).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Could not answer ephemerally in {Channel} ({Error}); answering by DM")]
    private static partial void EphemeralRefused(ILogger logger, string channel, string error);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "Slack refused an answer by response_url ({Error}); answering ephemerally or by DM")]
    private static partial void ResponseUrlRefused(ILogger logger, string error);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Slack would not open a form ({Error})")]
    private static partial void FormRefused(ILogger logger, string error);
}
