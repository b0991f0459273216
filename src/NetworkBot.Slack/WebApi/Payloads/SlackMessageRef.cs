namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>A posted message: its conversation and its <c>ts</c>, which together identify it for <c>chat.update</c>.</summary>
public sealed record SlackMessageRef(string Channel, string Ts)
{
    /// <summary>The outbox's message reference, <c>&lt;channel&gt;/&lt;ts&gt;</c>.</summary>
    public override string ToString() => $"{Channel}/{Ts}";
}
