namespace NetworkBot.Slack.WebApi.Payloads;

/// <summary>The parts of a Slack user object NetworkBot reads: who they are, whether they manage the workspace, whether they are a person.</summary>
public sealed record SlackUser(
    string Id,
    string? TeamId = null,
    string? Name = null,
    string? RealName = null,
    bool Deleted = false,
    bool IsBot = false,
    bool IsAdmin = false,
    bool IsOwner = false,
    bool IsPrimaryOwner = false,
    bool IsRestricted = false,
    bool IsUltraRestricted = false,
    string? Tz = null,
    string? Locale = null,
    SlackUserProfile? Profile = null)
{
    /// <summary>Workspace admins and owners; NetworkBot treats them as community managers.</summary>
    public bool IsWorkspaceManager => IsAdmin || IsOwner || IsPrimaryOwner;

    /// <summary>
    /// The name Slack shows for them: the display name they chose, else their full name. <see cref="Name"/> is the
    /// legacy lower-case handle, which Slack no longer shows; it is the last resort.
    /// </summary>
    public string? ShownName => new[] { Profile?.DisplayName, Profile?.RealName, RealName, Name }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
}
