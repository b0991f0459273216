using NetworkBot.Storage.Postgres;
using NetworkBot.Tests.Postgres;

namespace NetworkBot.Storage.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInstanceLockTests(PostgresFixture postgres)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [PostgresFact]
    public async Task A_second_instance_is_refused_until_the_first_lets_go()
    {
        var database = await postgres.CreateDatabaseAsync(Ct);

        var first = await PostgresInstanceLock.TryAcquireAsync(database.ConnectionString, Ct);
        var second = await PostgresInstanceLock.TryAcquireAsync(database.ConnectionString, Ct);
        first!.Dispose();
        using var third = await PostgresInstanceLock.TryAcquireAsync(database.ConnectionString, Ct);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(third);
    }

    [PostgresFact]
    public async Task Instances_on_different_databases_do_not_hold_each_other()
    {
        var one = await postgres.CreateDatabaseAsync(Ct);
        var other = await postgres.CreateDatabaseAsync(Ct);

        using var first = await PostgresInstanceLock.TryAcquireAsync(one.ConnectionString, Ct);
        using var second = await PostgresInstanceLock.TryAcquireAsync(other.ConnectionString, Ct);

        Assert.NotNull(first);
        Assert.NotNull(second);
    }
}
