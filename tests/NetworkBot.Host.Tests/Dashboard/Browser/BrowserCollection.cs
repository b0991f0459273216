namespace NetworkBot.Host.Tests.Dashboard.Browser;

/// <summary>
/// The test classes that drive Chromium: mark one <c>[Collection(BrowserCollection.Name)]</c>, take a
/// <see cref="ChromiumFixture"/> in its constructor and its tests <c>[BrowserFact]</c>. One browser serves them all.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
