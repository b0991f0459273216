using NetworkBot.Storage;

namespace NetworkBot.Host.Tests.Journeys;

public sealed class SlackSocketModeJourneyTests() : JourneyTests<SlackSocketModeSurface>(StorageOptions.SqliteProvider);
