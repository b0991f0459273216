namespace NetworkBot.Host.Dashboard;

/// <summary>
/// How the dashboard admits viewers: <c>networkbot run</c> only through a session opened with a sign-in link;
/// <c>networkbot dashboard</c> (<see cref="Local"/>) everyone, because it listens on loopback only and whoever reaches
/// it already holds the database file.
/// </summary>
internal sealed record DashboardMode(bool Local);
