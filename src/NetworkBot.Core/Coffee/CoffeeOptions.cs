using NetworkBot.Core.Commands;
using NetworkBot.Core.Domain;

namespace NetworkBot.Core.Coffee;

/// <summary>The options of <c>/coffee</c>, as <see cref="CommandTable"/> lists them and the coffee handlers read them.</summary>
public static class CoffeeOptions
{
    public static readonly RequiredOption<DateOnly> Until = new("until", OptionKind.Date, new("First day you want to be matched again (yyyy-mm-dd)", "再開する日（yyyy-mm-dd）")) { MaxLength = 10 };

    /// <summary>Who <c>/coffee block</c> blocks.</summary>
    public static readonly RequiredOption<Member> Blocked = new("member", OptionKind.Member, new("The member", "メンバー")) { Suggest = Suggestions.Members };

    /// <summary>Who <c>/coffee unblock</c> unblocks; without it the caller gets the list of their blocks.</summary>
    public static readonly Option<Member?> Unblocked = new("member", OptionKind.Member, new("The member (a list of your blocks when empty)", "メンバー（省略時はブロック一覧）")) { Suggest = Suggestions.Members };

    /// <summary>The group a "did you meet?" answer is for.</summary>
    public static readonly RequiredOption<string> Group = new("group", OptionKind.Text, new("The group asked", "対象のグループ"));

    public static readonly RequiredOption<string> Answer = new("answer", OptionKind.Choice, new("yes, not-yet or no", "yes / not-yet / no")) { Choices = ["yes", "not-yet", "no"] };
}
