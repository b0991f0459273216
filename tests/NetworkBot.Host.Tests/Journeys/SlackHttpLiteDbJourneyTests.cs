using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class SlackHttpLiteDbJourneyTests() : JourneyTests<SlackHttpSurface>(StorageOptions.LiteDbProvider);
