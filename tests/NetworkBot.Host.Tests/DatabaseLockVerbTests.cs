using NetworkBot.Storage;
using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Tests;

/// <summary>One process per embedded database, SQLite's or LiteDB's: every verb that opens it is refused while another holds it.</summary>
public sealed class DatabaseLockVerbTests
{
    [Theory]
    [InlineData("run", StorageOptions.SqliteProvider)]
    [InlineData("demo", StorageOptions.SqliteProvider)]
    [InlineData("shell", StorageOptions.SqliteProvider)]
    [InlineData("migrate", StorageOptions.SqliteProvider)]
    [InlineData("run", StorageOptions.LiteDbProvider)]
    [InlineData("demo", StorageOptions.LiteDbProvider)]
    [InlineData("shell", StorageOptions.LiteDbProvider)]
    [InlineData("migrate", StorageOptions.LiteDbProvider)]
    [InlineData("export", StorageOptions.LiteDbProvider)]
    [InlineData("restore", StorageOptions.LiteDbProvider)]
    public async Task A_verb_on_a_database_held_by_run_is_refused_with_one_line_naming_the_holder(string verb, string provider)
    {
        using var cli = new CliRunner(provider);
        cli.Settings["Discord:Token"] = "test-token";
        Assert.True(DatabaseLock.TryAcquire(cli.Storage, "run", TimeProvider.System, out var held, out _));
        using (held)
        {
            var (exit, output, error) = await cli.RunAsync("/quit\n", verb == "restore" ? [verb, cli.DatabasePath] : [verb]);

            Assert.Equal(DatabaseLock.InUseExitCode, exit);
            Assert.Equal(
                $"networkbot: the database {cli.DatabasePath} is in use by another NetworkBot process (pid {Environment.ProcessId}, started ",
                error[..error.IndexOf("started ", StringComparison.Ordinal)] + "started ");
            Assert.EndsWith(", `run`); stop it first or point Storage:ConnectionString elsewhere" + Environment.NewLine, error, StringComparison.Ordinal);
            Assert.Equal("", output);
            Assert.False(File.Exists(cli.DatabasePath));
        }
    }

    [Theory]
    [InlineData(StorageOptions.SqliteProvider)]
    [InlineData(StorageOptions.LiteDbProvider)]
    public async Task A_verb_that_ended_leaves_the_database_free_for_the_next(string provider)
    {
        using var cli = new CliRunner(provider);

        var first = await cli.RunAsync("/quit\n", "shell");
        var second = await cli.RunAsync("/quit\n", "shell");

        Assert.True(first.Exit == 0, first.Error);
        Assert.True(second.Exit == 0, second.Error);
        Assert.True(File.Exists(cli.DatabasePath));
    }

    [Theory]
    [InlineData("Filename=data/networkbot.litedb;Connection=shared")]
    [InlineData("Filename=:memory:")]
    [InlineData("Connection=direct")]
    public async Task A_LiteDB_connection_string_that_names_no_file_or_asks_for_shared_mode_stops_a_verb_with_one_line(string connectionString)
    {
        using var cli = new CliRunner(StorageOptions.LiteDbProvider);
        cli.Settings["Storage:ConnectionString"] = connectionString;

        var (exit, output, error) = await cli.RunAsync("/quit\n", "migrate");

        Assert.Equal(
            (2, "", $"networkbot: configuration: Storage:ConnectionString must name a LiteDB file (Filename=data/networkbot.litedb), in direct mode, when Storage:Provider is litedb.{Environment.NewLine}"),
            (exit, output, error));
    }
}
