namespace NetworkBot.Core.Telemetry;

/// <summary>What a member did that the bot answered, in words both platforms share; the <c>kind</c> of <c>networkbot.interactions</c>.</summary>
public enum InteractionKind
{
    /// <summary>A slash command: Discord's application command, Slack's <c>/network …</c>.</summary>
    Command,

    /// <summary>A button or a select of a message the bot posted.</summary>
    Component,

    /// <summary>A form sent: Discord's modal submit, Slack's <c>view_submission</c>.</summary>
    Form,

    /// <summary>Suggestions while the member types an option (Discord).</summary>
    Autocomplete,

    /// <summary>Anything else answered: an interaction not understood, a Slack shortcut or <c>view_closed</c>.</summary>
    Other,
}
