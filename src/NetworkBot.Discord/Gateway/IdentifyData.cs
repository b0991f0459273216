namespace NetworkBot.Discord.Gateway;

/// <summary><c>d</c> of op 2 Identify. <see cref="Token"/> is the bare bot token, without <c>Bot </c>.</summary>
public sealed record IdentifyData(string Token, GatewayIntents Intents, IdentifyProperties Properties)
{
    /// <summary><c>[shard_id, num_shards]</c>; null to let Discord assume one shard.</summary>
    public IReadOnlyList<int>? Shard { get; init; }

    public int? LargeThreshold { get; init; }

    public bool? Compress { get; init; }

    public override string ToString() => $"IdentifyData {{ Intents = {Intents}, Shard = {(Shard is null ? "none" : string.Join('/', Shard))} }}";
}
