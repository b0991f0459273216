using System.Text;
using Microsoft.Extensions.Logging;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Replies;
using NetworkBot.Core.Texts;
using NetworkBot.Discord.Rendering;
using NetworkBot.Discord.Rest;
using NetworkBot.Discord.Rest.Payloads;

namespace NetworkBot.Discord.Interactions;

/// <summary>
/// Sends a <see cref="ReplyFile.Direct"/> file (a member's data export) to the member's DMs, where it stays, once the
/// interaction has been answered: an ephemeral answer's attachment is gone when the member reloads. When the member's
/// DMs are closed to the server (Discord's 50007), or Discord refuses the DM for another reason, the file comes as a
/// private follow-up to the interaction instead, saying why, so the member still gets it.
/// </summary>
public sealed partial class DirectFiles(DiscordRestClient rest, DiscordDmChannels dms, ILogger<DirectFiles> logger)
{
    /// <summary>
    /// Delivers <paramref name="file"/> to <paramref name="member"/>'s DMs, or else as a follow-up of the interaction of
    /// <paramref name="applicationId"/> and <paramref name="token"/>; texts in <paramref name="language"/>.
    /// </summary>
    public async Task SendAsync(Snowflake applicationId, string token, Snowflake member, ReplyFile file, Language language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        var upload = new DiscordFile(file.Name, file.ContentType, Encoding.UTF8.GetBytes(file.Content));
        try
        {
            var dm = await dms.OfAsync(member, ct).ConfigureAwait(false);
            await rest.CreateMessageAsync(dm, Message(Messages.DiscordDirectFile.Format(language, file.Name)), nonce: null, upload, ct).ConfigureAwait(false);
        }
        catch (DiscordApiException e)
        {
            DmRefused(logger, member.ToString(), e.Message);
            var why = e.Error.Code == DiscordApiError.CannotSendMessagesToThisUser ? Messages.DiscordDirectFileDmsClosed : Messages.DiscordDirectFileDmRefused;
            var privately = Message(why.Format(language, file.Name)) with { Flags = DiscordMessagePayload.EphemeralFlag };
            await rest.CreateFollowupMessageAsync(applicationId, token, privately, upload, ct).ConfigureAwait(false);
        }
    }

    private static DiscordMessagePayload Message(string text) => DiscordRenderer.RenderPayload(new Reply(text));

    [LoggerMessage(EventId = 2310, Level = LogLevel.Information, Message = "Discord refused a DM to member {Member} ({Reason}); their file follows the interaction privately")]
    private static partial void DmRefused(ILogger logger, string member, string reason);
}
