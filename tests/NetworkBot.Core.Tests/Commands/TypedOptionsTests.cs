using NetworkBot.Core.Commands;
using NetworkBot.Core.Events;
using NetworkBot.Core.Intro;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>Handlers read options through the typed declarations the command table lists, never by name.</summary>
public sealed class TypedOptionsTests
{
    [Fact]
    public void Every_option_of_the_table_is_typed_and_required_exactly_when_declared_required()
    {
        Assert.All(CommandTable.All.SelectMany(c => c.Options), o =>
        {
            var declaration = o.GetType().IsGenericType ? o.GetType().GetGenericTypeDefinition() : o.GetType();
            Assert.Equal(o.Required ? typeof(RequiredOption<>) : typeof(Option<>), declaration);
        });
    }

    [Fact]
    public void A_declaration_whose_type_does_not_fit_its_kind_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new Option<string?>("x", OptionKind.Integer, new("x", "x")));
        Assert.Throws<ArgumentException>(() => new Option<DateOnly>("x", OptionKind.Date, new("x", "x")));
        Assert.Throws<ArgumentException>(() => new RequiredOption<long>("x", OptionKind.Duration, new("x", "x")));
    }

    [Fact]
    public void An_option_not_given_reads_null_and_one_given_empty_is_there_but_null()
    {
        var options = new CommandOptions(CommandTable.Find("intro set")!, new Dictionary<string, object?> { ["pitch"] = null });

        Assert.True(options.Has(IntroOptions.Pitch));
        Assert.Null(options.Get(IntroOptions.Pitch));
        Assert.False(options.Has(IntroOptions.Language));
        Assert.Null(options.Get(IntroOptions.Language));
    }

    [Fact]
    public void Reading_an_option_the_command_does_not_declare_is_a_bug_not_an_absent_value()
    {
        var options = new CommandOptions(CommandTable.Find("events show")!, new Dictionary<string, object?> { ["event"] = "e1" });

        Assert.Equal("e1", options.Get(EventOptions.Event));
        Assert.Throws<InvalidOperationException>(() => options.Get(EventOptions.Title));
    }
}
