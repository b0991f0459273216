namespace NetworkBot.Tests.Postgres;

/// <summary>
/// A test that needs PostgreSQL: skipped, with how to enable it, where there is none — except in CI (CI=true),
/// where it runs and fails, because CI is required to run every PostgreSQL test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        var availability = PostgresAvailability.Current;
        if (!availability.IsAvailable && !PostgresAvailability.RunsInCi)
        {
            Skip = availability.Explanation;
        }
    }
}
