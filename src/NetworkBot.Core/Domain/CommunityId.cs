namespace NetworkBot.Core.Domain;

/// <summary>
/// A community across platforms: <c>platform:external-id</c>, e.g. <c>discord:81384788765712384</c>,
/// <c>slack:T024BE7LD</c> or <c>shell:local</c>. The prefix routes outgoing messages to the right adapter.
/// </summary>
public readonly record struct CommunityId(string Value)
{
    public static CommunityId For(string platform, string externalId) => new($"{platform}:{externalId}");

    public string Platform => Value[..Math.Max(0, Value.IndexOf(':', StringComparison.Ordinal))];

    public string ExternalId => Value[(Value.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public override string ToString() => Value;
}
