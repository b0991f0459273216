using NetworkBot.Storage.Sqlite;

namespace NetworkBot.Host.Tests;

/// <summary>One process per embedded database: every verb that opens it is refused while another holds it.</summary>
public sealed class DatabaseLockVerbTests : IDisposable
{
    private readonly CliRunner cli = new();

    [Theory]
    [InlineData("run")]
    [InlineData("demo")]
    [InlineData("shell")]
    [InlineData("migrate")]
    public async Task A_verb_on_a_database_held_by_run_is_refused_with_one_line_naming_the_holder(string verb)
    {
        cli.Settings["Discord:Token"] = "test-token";
        Assert.True(DatabaseLock.TryAcquire(cli.ConnectionString, "run", TimeProvider.System, out var held, out _));
        using (held)
        {
            var (exit, output, error) = await cli.RunAsync("/quit\n", verb);

            Assert.Equal(DatabaseLock.InUseExitCode, exit);
            Assert.Equal(
                $"networkbot: the database {cli.DatabasePath} is in use by another NetworkBot process (pid {Environment.ProcessId}, started ",
                error[..error.IndexOf("started ", StringComparison.Ordinal)] + "started ");
            Assert.EndsWith(", `run`); stop it first or point Storage:ConnectionString elsewhere" + Environment.NewLine, error, StringComparison.Ordinal);
            Assert.Equal("", output);
        }
    }

    [Fact]
    public async Task A_verb_that_ended_leaves_the_database_free_for_the_next()
    {
        var first = await cli.RunAsync("/quit\n", "shell");
        var second = await cli.RunAsync("/quit\n", "shell");

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
    }

    public void Dispose() => cli.Dispose();
}
