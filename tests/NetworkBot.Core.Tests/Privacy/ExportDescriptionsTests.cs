using NetworkBot.Core.Privacy;
using NetworkBot.Core.Storage;

namespace NetworkBot.Core.Tests.Privacy;

public sealed class ExportDescriptionsTests
{
    [Fact]
    public void Every_table_and_field_of_the_export_format_is_described_in_both_languages_and_nothing_else_is()
    {
        Assert.Equal(ExportFormat.Tables.Select(t => t.Name).Order(), ExportDescriptions.Tables.Keys.Order());
        Assert.All(ExportFormat.Tables, table =>
        {
            var description = ExportDescriptions.Tables[table.Name];
            Assert.Equal(table.Fields.Select(f => f.Name).Order(), description.Fields.Keys.Order());
            Assert.All(description.Fields.Values.Prepend(description.About), text =>
            {
                Assert.False(string.IsNullOrWhiteSpace(text.En), table.Name);
                Assert.False(string.IsNullOrWhiteSpace(text.Ja), table.Name);
                Assert.NotEqual(text.En, text.Ja);
            });
        });
    }
}
