namespace NetworkBot.Host.Tests.Journeys;

public sealed class SlackSocketModeJourneyTests : JourneyTests<SlackSocketModeSurface>;
