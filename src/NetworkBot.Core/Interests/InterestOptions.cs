using NetworkBot.Core.Commands;

namespace NetworkBot.Core.Interests;

/// <summary>The options of <c>/interests</c> and <c>/admin interests</c>, as <see cref="CommandTable"/> lists them and <see cref="InterestCommands"/> reads them.</summary>
public static class InterestOptions
{
    public static readonly RequiredOption<string> Name = new("name", OptionKind.Text, new("Name of the interest group", "興味グループの名前")) { MaxLength = 50, Suggest = Suggestions.Interests };

    public static readonly Option<string?> Description = new("description", OptionKind.Text, new("What the group is about", "グループの説明")) { MaxLength = 200 };
}
