namespace NetworkBot.Core.Outbox;

/// <summary>
/// The lanes of an outbox message: what it must not overtake or be overtaken on. Messages of a community that share a
/// lane are delivered one at a time, in the order they were decided; messages with no lane in common go side by side.
/// </summary>
/// <remarks>
/// A lane is what a reader sees in order: a channel (a transcript, an announcement and its update), a member (a
/// round's introduction, then its "did you meet?", then a reminder, whether by DM or in a group), an interest group's
/// space (made before members are put in it) and an event's counterpart (made, then changed, then cancelled). A round's
/// groups share no member, so they all go at once; a reminder to 5,000 members is 5,000 lanes.
/// </remarks>
public static class OutboxLanes
{
    public static IReadOnlyList<string> Of(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var community = message.Community.Value;
        var target = message.Target;
        var lanes = target.Members.Select(m => $"{community}|member|{m.Value}").ToList();
        if (target.Kind == MessageTargetKind.Channel && target.Channel is { } channel)
        {
            lanes.Add($"{community}|channel|{channel}");
        }

        if (target.Interest is { } interest)
        {
            lanes.Add($"{community}|interest|{interest}");
        }

        if (target.Event is { } ev)
        {
            lanes.Add($"{community}|event|{ev}");
        }

        return lanes;
    }
}
