namespace NetworkBot.Core.Commands;

/// <summary>Which values <see cref="CommandSuggestions"/> offers for an option while the user types.</summary>
public enum Suggestions
{
    None,

    /// <summary>The community's open interest groups.</summary>
    Interests,

    /// <summary>The community's members, by display name.</summary>
    Members,

    /// <summary>IANA time zone ids.</summary>
    TimeZones,

    /// <summary>The caller's own open asks, by id and the start of the request (<c>/asks cancel</c>).</summary>
    OwnOpenAsks,
}
