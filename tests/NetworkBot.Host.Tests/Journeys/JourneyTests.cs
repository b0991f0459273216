namespace NetworkBot.Host.Tests.Journeys;

/// <summary>
/// Each journey, walked by members through the real host on one surface and one embedded store. A derived class names
/// the surface and the store; the journeys are the same scripts everywhere.
/// </summary>
/// <param name="provider">The <c>Storage:Provider</c> the bot keeps its data in: <c>sqlite</c> or <c>litedb</c>.</param>
public abstract class JourneyTests<TSurface>(string provider) : IAsyncLifetime
    where TSurface : IJourneySurface, new()
{
    private readonly CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));

    protected TSurface Surface { get; } = new() { Provider = provider };

    protected CancellationToken Guard => guard.Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Surface.DisposeAsync();
        guard.Dispose();
    }

    [Fact]
    public Task Introduction_from_form_to_channel_to_lookup() => IntroJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task Coffee_round_from_schedule_to_summary() => CoffeeJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task Interest_group_joined_and_left_by_command_and_by_button() => InterestsJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task A_button_pressed_by_someone_it_was_not_for_changes_nothing() => ForgedPressJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task Event_from_form_to_waitlist_reminder_follow_up_and_next_round() => EventsJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task Members_export_and_delete_their_data_and_leavers_are_deleted_after_the_retention_period() => PrivacyJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task Introduction_on_request_from_ask_to_one_candidate_at_a_time_to_introduction_follow_up_and_expiry() => AskJourney.WalkAsync(Surface, Guard);

    [Fact]
    public Task Manager_signs_in_to_the_dashboard_with_the_link_only_they_were_shown() => DashboardJourney.WalkAsync(Surface, Guard);
}
