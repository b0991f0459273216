namespace NetworkBot.Discord.Rest.Payloads;

/// <summary>
/// An interaction callback: <see cref="Type"/> 4 reply, 5 deferred reply, 6 deferred update, 7 update,
/// 9 modal (with <see cref="Modal"/>).
/// </summary>
public sealed record DiscordInteractionResponse(int Type, DiscordMessagePayload? Data = null, DiscordModalPayload? Modal = null)
{
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int ModalType = 9;
}
