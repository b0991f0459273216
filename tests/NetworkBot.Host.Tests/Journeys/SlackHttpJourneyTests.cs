using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class SlackHttpJourneyTests() : JourneyTests<SlackHttpSurface>(StorageOptions.SqliteProvider);
