namespace NetworkBot.Core.Domain;

/// <summary>
/// A community's members counted by the store, for the dashboard's overview: reading 10,000 whole members (profiles,
/// lists and all) to count them took longer than the rest of the page.
/// </summary>
/// <param name="Members">Every member.</param>
/// <param name="OptedIn">Those who joined coffee chats.</param>
/// <param name="Available">Those opted in who would be matched on the given day (<see cref="Coffee.CoffeeEnrollment.IsAvailableOn"/>).</param>
public sealed record MemberCounts(int Members, int OptedIn, int Available);
