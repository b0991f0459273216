namespace NetworkBot.Bench.Fanout;

/// <summary>What a fan-out run delivers: a coffee round's group introductions, or an event's reminders.</summary>
internal enum FanoutCase
{
    Round,
    Reminders,
}
