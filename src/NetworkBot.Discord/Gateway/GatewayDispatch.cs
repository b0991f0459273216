using System.Text.Json;

namespace NetworkBot.Discord.Gateway;

/// <summary>
/// One op 0 event as the reader hands it to consumers: the event name (<c>t</c>), its data (<c>d</c>, cloned so it
/// outlives the frame), the shard it came in on and its sequence number. READY and RESUMED are passed on too.
/// </summary>
public sealed record GatewayDispatch(string Type, JsonElement Data, int ShardId, long Sequence)
{
    /// <summary>When the reader took the frame off the socket: an interaction's 3 seconds run from here, not from when it is handled.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
