using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class DiscordJourneyTests() : JourneyTests<DiscordSurface>(StorageOptions.SqliteProvider);
