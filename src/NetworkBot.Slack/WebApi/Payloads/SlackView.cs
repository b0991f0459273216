namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>A modal or App Home view as Slack returns it; <see cref="Hash"/> guards <c>views.update</c> against races.</summary>
public sealed record SlackView(
    string Id,
    string? Type = null,
    string? Hash = null,
    string? CallbackId = null,
    string? PrivateMetadata = null,
    string? ExternalId = null,
    string? RootViewId = null);
