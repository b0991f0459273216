using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class ShellJourneyTests() : JourneyTests<ShellSurface>(StorageOptions.SqliteProvider);
