namespace NetworkBot.Discord.Tests.Rest;

/// <summary>One answer a test scripts for the fake Discord.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);
