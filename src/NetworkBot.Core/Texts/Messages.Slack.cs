namespace NetworkBot.Core.Texts;

/// <summary>Texts only the Slack adapter shows: the buttons of a modal (Discord's modals have none).</summary>
public static partial class Messages
{
    public static readonly LocalizedText SlackFormSubmit = new("Save", "保存");
    public static readonly LocalizedText SlackFormClose = new("Cancel", "キャンセル");
}
