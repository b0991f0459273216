namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// A file a member got from the bot, as the platform handed it over: a Discord message's attachment, the bytes of a Slack
/// upload, the file the shell printed.
/// </summary>
public sealed record SeenFile(string Name, string Content);
