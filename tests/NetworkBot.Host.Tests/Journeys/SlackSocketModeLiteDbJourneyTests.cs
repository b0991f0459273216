using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class SlackSocketModeLiteDbJourneyTests() : JourneyTests<SlackSocketModeSurface>(StorageOptions.LiteDbProvider);
