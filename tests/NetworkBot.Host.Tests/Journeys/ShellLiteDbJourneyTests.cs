using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class ShellLiteDbJourneyTests() : JourneyTests<ShellSurface>(StorageOptions.LiteDbProvider);
