using System.Collections.Concurrent;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;

namespace NetworkBot.Core.Tests.Commands;

/// <summary>
/// The test communities' platform events: records every call and answers with <see cref="NextOutcome"/>. A publish
/// without a ref makes <c>pe-1</c>, <c>pe-2</c>, …; one with a ref keeps it.
/// </summary>
public sealed class RecordingPlatformEvents(string platform = "shell") : IPlatformEvents
{
    private int made;

    public string Platform => platform;

    public PlatformEventOutcome NextOutcome { get; set; } = PlatformEventOutcome.Done;

    /// <summary>Each call as <c>publish Rust meetup - 2026-12-03T10:00:00Z</c> (or with the ref it had), <c>cancel pe-1</c>.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<PlatformEventResult> PublishAsync(Community community, Event ev, CancellationToken ct)
    {
        Calls.Enqueue($"publish {ev.Title} {ev.PlatformRef ?? "-"} {ev.Start.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        var reference = ev.PlatformRef ?? (NextOutcome == PlatformEventOutcome.Done ? $"pe-{Interlocked.Increment(ref made)}" : null);
        return Task.FromResult(new PlatformEventResult(NextOutcome, reference));
    }

    public Task<PlatformEventResult> CancelAsync(Community community, Event ev, CancellationToken ct)
    {
        Calls.Enqueue($"cancel {ev.PlatformRef ?? "-"}");
        return Task.FromResult(new PlatformEventResult(NextOutcome, ev.PlatformRef));
    }
}
