namespace NetworkBot.Discord.Gateway;

/// <summary>Identify budget; <see cref="ResetAfter"/> is in milliseconds, <see cref="MaxConcurrency"/> identifies per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);
