using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Tests.Storage;

public sealed class AnsweringWritesTests
{
    [Fact]
    public async Task The_mark_follows_the_answer_into_the_work_it_starts_and_ends_with_its_scope()
    {
        var outside = Task.Run(async () =>
        {
            await Task.Yield();
            return AnsweringWrites.Now;
        });

        bool inside;
        using (AnsweringWrites.Begin())
        {
            inside = await Task.Run(async () =>
            {
                await Task.Yield();
                return AnsweringWrites.Now;
            });
        }

        Assert.True(inside);
        Assert.False(await outside);
        Assert.False(AnsweringWrites.Now);
    }
}
