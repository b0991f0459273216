using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Privacy;

/// <summary>The options of <c>/privacy</c> and <c>/admin privacy</c>, as <see cref="CommandTable"/> lists them and <see cref="PrivacyCommands"/> reads them.</summary>
public static class PrivacyOptions
{
    /// <summary>The only value that confirms: a deletion cannot be undone, so nothing short of an explicit "yes" runs it.</summary>
    public const string Yes = "yes";

    public static readonly Option<string?> Confirm = new("confirm", OptionKind.Choice, new("yes deletes at once; without it you are asked first", "yes ですぐに削除（省略時は確認します）")) { Choices = [Yes] };

    /// <summary>Who <c>/admin privacy delete</c> deletes; resolved among the caller's community's members only.</summary>
    public static readonly RequiredOption<Member> Member = new("member", OptionKind.Member, new("The member whose data to delete", "データを削除するメンバー")) { Suggest = Suggestions.Members };
}
