using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Telemetry;
using NetworkBot.Core.Texts;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// Answers one <c>INTERACTION_CREATE</c>: runs it through Core and replies inside Discord's 3 seconds. A command
/// that is still working <see cref="DeferAfter"/> after the interaction was <em>received</em> is deferred ("thinking…",
/// only the caller sees it) and its reply then edits that message. The clock runs from receipt, and the handler waits
/// for one of <see cref="MaxConcurrentHandlers"/> places while the defer does not, so other interactions' slow
/// handlers never push an answer past its window. Autocomplete gets suggestions from the caller's own community;
/// anything NetworkBot cannot read gets a polite ephemeral answer. A file meant for the member's DMs (a data export)
/// is sent there after the answer (<see cref="DirectFiles"/>). Never logs the interaction token or what the member typed.
/// </summary>
public sealed partial class InteractionResponder(
    CommandDispatcher dispatcher,
    CommandSuggestions suggestions,
    DiscordRestClient rest,
    DirectFiles directFiles,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<InteractionResponder> logger)
{
    /// <summary>Well inside Discord's 3 s, leaving room for the callback's own round trip.</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// How many handlers run at once: generous, since most wait on the store or the network, yet a bound, so a burst
    /// cannot open unbounded SQLite connections. Past it a handler waits for a place; its defer does not.
    /// </summary>
    public const int MaxConcurrentHandlers = 64;

    private readonly SemaphoreSlim handlers = new(MaxConcurrentHandlers, MaxConcurrentHandlers);

    /// <summary>Answers an interaction received just now.</summary>
    public Task RespondAsync(JsonElement interaction, CancellationToken ct) => RespondAsync(interaction, time.GetUtcNow(), ct);

    /// <summary>Answers an interaction the gateway received at <paramref name="receivedAt"/>; the defer deadline runs from then.</summary>
    public async Task RespondAsync(JsonElement interaction, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var mapped = InteractionMapper.Parse(interaction);
        try
        {
            switch (mapped)
            {
                case CommandInteraction command:
                    await RunAsync(command, receivedAt, ct).ConfigureAwait(false);
                    break;
                case AutocompleteInteraction autocomplete:
                    await SuggestAsync(autocomplete, receivedAt, ct).ConfigureAwait(false);
                    break;
                case NotUnderstoodInteraction { Source: { } source } notUnderstood:
                    NotUnderstood(logger, source.Id, notUnderstood.Reason);
                    await AnswerAsync(source, receivedAt, DiscordRenderer.Render(Reply.Error(Messages.NotUnderstood.Get(LanguageOf(source)))), null, ct).ConfigureAwait(false);
                    break;
                case NotUnderstoodInteraction notUnderstood:
                    NotUnderstood(logger, null, notUnderstood.Reason);
                    break;
            }
        }
        catch (DiscordApiException exception)
        {
            AnswerFailed(logger, IdOf(mapped), exception.Message);
        }
    }

    private async Task RunAsync(CommandInteraction command, DateTimeOffset receivedAt, CancellationToken ct)
    {
        // Task.Run: the store's async calls may complete synchronously, and the deadline must start before the handler runs.
        var handling = Task.Run(() => HandleAsync(command.Request, ct), ct);
        var left = DeferAfter - (time.GetUtcNow() - receivedAt);
        if (await AnswerDeadline.MetAsync(handling, left > TimeSpan.Zero ? left : TimeSpan.Zero, time, ct).ConfigureAwait(false))
        {
            var ready = await handling.ConfigureAwait(false);
            var response = Render(command, ready);
            await AnswerAsync(command.Source, receivedAt, response, response.Type == InteractionCallbackType.ChannelMessageWithSource ? FileOf(ready) : null, ct).ConfigureAwait(false);
            await SendDirectFileAsync(command, ready, ct).ConfigureAwait(false);
            return;
        }

        // Deferring fixes the visibility: private, as almost every reply is; public posts go through the outbox.
        Deferred(logger, command.Source.Id, command.Request.Path);
        await AnswerAsync(command.Source, receivedAt, new InteractionResponse(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            new InteractionCallbackData { Flags = InteractionCallbackData.EphemeralFlag }), null, ct).ConfigureAwait(false);
        var reply = await handling.ConfigureAwait(false);
        await rest.EditOriginalInteractionResponseAsync(
            Id(command.Source.ApplicationId), command.Source.Token!, DiscordRenderer.RenderPayload(reply, command.DeliveredOutside), FileOf(reply), ct).ConfigureAwait(false);
        await SendDirectFileAsync(command, reply, ct).ConfigureAwait(false);
    }

    /// <summary>A file meant for the member's DMs goes there once the interaction is answered, so it never holds the answer back.</summary>
    private Task SendDirectFileAsync(CommandInteraction command, Reply reply, CancellationToken ct) =>
        reply.File is { Direct: true } file && Snowflake.TryParse(command.Request.Caller.Value, out var member)
            ? directFiles.SendAsync(Id(command.Source.ApplicationId), command.Source.Token!, member, file, file.Language ?? command.Request.Locale ?? LanguageOf(command.Source), ct)
            : Task.CompletedTask;

    /// <summary>A button's reply that redraws its message becomes UPDATE_MESSAGE (same visibility as the message).</summary>
    private static InteractionResponse Render(CommandInteraction command, Reply reply) =>
        reply.ReplacesSource && command.Source is { Type: InteractionType.MessageComponent, Message: not null } && reply.Form is null
            ? new InteractionResponse(InteractionCallbackType.UpdateMessage, DiscordRenderer.RenderMessage(reply, command.DeliveredOutside) with { Flags = null })
            : DiscordRenderer.Render(reply, command.DeliveredOutside);

    /// <summary>The dispatcher answers every refusal and handler bug itself; this also covers the store failing before that.</summary>
    private async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        await handlers.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await dispatcher.HandleAsync(request, ct).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            CommandFailed(logger, exception, request.Path, request.Community.Value);
            return Reply.Error(Messages.InternalError.Get(request.Locale ?? Language.En));
        }
        finally
        {
            handlers.Release();
        }
    }

    private async Task SuggestAsync(AutocompleteInteraction autocomplete, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var choices = await suggestions.SuggestAsync(autocomplete.Request, autocomplete.FocusedOption, autocomplete.PartialValue, ct).ConfigureAwait(false);
        await AnswerAsync(autocomplete.Source, receivedAt, DiscordRenderer.RenderAutocomplete(choices), null, ct).ConfigureAwait(false);
    }

    /// <summary>Sends the interaction's one callback (an answer or a defer) and measures it from the interaction's receipt.</summary>
    private async Task AnswerAsync(Interaction source, DateTimeOffset receivedAt, InteractionResponse response, DiscordFile? file, CancellationToken ct)
    {
        await rest.CreateInteractionResponseAsync(
            Id(source.Id),
            source.Token ?? throw new InvalidOperationException("The interaction carries no token to answer with."),
            (int)response.Type,
            response.Data is { } data ? JsonSerializer.SerializeToElement(data, RenderingJsonContext.Default.InteractionCallbackData) : null,
            file,
            ct).ConfigureAwait(false);
        metrics.Answered(DiscordPlatform.PlatformName, KindOf(source.Type), time.GetUtcNow() - receivedAt);
    }

    private static InteractionKind KindOf(InteractionType type) => type switch
    {
        InteractionType.ApplicationCommand => InteractionKind.Command,
        InteractionType.MessageComponent => InteractionKind.Component,
        InteractionType.ModalSubmit => InteractionKind.Form,
        InteractionType.ApplicationCommandAutocomplete => InteractionKind.Autocomplete,
        _ => InteractionKind.Other,
    };

    /// <summary>The file attached to the answer itself: any but one meant for the member's DMs (<see cref="DirectFiles"/>).</summary>
    private static DiscordFile? FileOf(Reply reply) =>
        reply.File is { Direct: false } file ? new DiscordFile(file.Name, file.ContentType, Encoding.UTF8.GetBytes(file.Content)) : null;

    private static Language LanguageOf(Interaction source) =>
        LanguageCodes.TryParse(source.Locale, out var language) ? language : Language.En;

    private static string? IdOf(MappedInteraction mapped) => mapped switch
    {
        CommandInteraction c => c.Source.Id,
        AutocompleteInteraction a => a.Source.Id,
        NotUnderstoodInteraction n => n.Source?.Id,
        _ => null,
    };

    private static Snowflake Id(string? text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new Snowflake(id)
            : throw new InvalidOperationException($"'{text}' is not a Discord id.");

    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Interaction {Interaction} not understood: {Reason}")]
    private static partial void NotUnderstood(ILogger logger, string? interaction, string reason);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Interaction {Interaction} (/{Path}) is taking a while; deferred")]
    private static partial void Deferred(ILogger logger, string? interaction, string path);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Could not answer interaction {Interaction}: {Reason}")]
    private static partial void AnswerFailed(ILogger logger, string? interaction, string reason);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "/{Path} of {Community} failed before its handler ran")]
    private static partial void CommandFailed(ILogger logger, Exception exception, string path, string community);

}
