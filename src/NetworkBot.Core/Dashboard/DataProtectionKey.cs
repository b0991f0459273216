namespace NetworkBot.Core.Dashboard;

/// <summary>One ASP.NET Core data-protection key element as XML text, kept in the store so every instance reads the same keys.</summary>
public sealed record DataProtectionKey(string FriendlyName, string Xml);
