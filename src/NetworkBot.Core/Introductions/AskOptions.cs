using NetworkBot.Core.Commands;

namespace NetworkBot.Core.Introductions;

/// <summary>The options of <c>/ask</c>, <c>/asks …</c> and <c>/offer</c>, as <see cref="CommandTable"/> lists them and <see cref="AskCommands"/> reads them.</summary>
public static class AskOptions
{
    /// <summary>As long as a pitch: one request a candidate reads at a glance.</summary>
    public static readonly RequiredOption<string> Request = new("request", OptionKind.Text, new("What or whom you are looking for (1–280 characters)", "探していること・探している人（1〜280 文字）")) { MaxLength = 280, TakesRestOfLine = true };

    /// <summary>One offer, as long as one item of the profile's offers may be.</summary>
    public static readonly RequiredOption<string> Offer = new("offer", OptionKind.Text, new("What you can help others with", "ほかのメンバーの力になれること")) { MaxLength = 80, TakesRestOfLine = true };

    /// <summary>Suggests the caller's open asks as they type (only <c>/asks cancel</c> is typed; the buttons carry the id).</summary>
    public static readonly RequiredOption<string> Ask = new("ask", OptionKind.Text, new("The ask's id (see /asks list)", "依頼の ID（/asks list で確認）")) { MaxLength = 16, Suggest = Suggestions.OwnOpenAsks };

    /// <summary>A candidate's answer to being asked for an introduction.</summary>
    public static readonly RequiredOption<string> Answer = new("answer", OptionKind.Choice, new("Yes or not now", "はい・今回は見送る")) { Choices = ["yes", "not-now"] };

    /// <summary>An introduced member's answer to "did you connect?".</summary>
    public static readonly RequiredOption<string> Connected = new("connected", OptionKind.Choice, new("Yes or not yet", "はい・まだ")) { Choices = ["yes", "not-yet"] };
}
