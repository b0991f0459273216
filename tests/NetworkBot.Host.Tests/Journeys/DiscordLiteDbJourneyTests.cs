using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class DiscordLiteDbJourneyTests() : JourneyTests<DiscordSurface>(StorageOptions.LiteDbProvider);
