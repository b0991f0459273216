using NetworkBot.Core.Coffee;
using NetworkBot.Core.Connections;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Events;
using NetworkBot.Core.Interests;
using NetworkBot.Core.Intro;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Tests.Dashboard;

/// <summary>
/// Makes a community that looks lived in, for the dashboard's tests, screenshots and benchmark: members who joined
/// over time (Japanese and English names, industries, interests), weekly coffee rounds they were grouped in and
/// answered "did you meet?" for — or not, and the quiet ones are paused after three silent rounds as the bot does —
/// members who paused or left, connections made exactly as the bot makes them, and events with answers, waitlists,
/// attendees and connects. Deterministic: one <see cref="CommunitySeed"/> gives one community.
/// </summary>
/// <remarks>
/// It plays the bot's rules forward instead of drawing each table alone, so the tables agree the way the bot's own
/// writes make them agree (a "met" group has a "met" answer, a paused member is in no later group, every connection
/// has its meeting). Fast enough for 10,000 members and 100 rounds: one pass per round over arrays.
/// </remarks>
public static class CommunitySeeder
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);
    private const string TimeZone = "Asia/Tokyo";

    public static SeededCommunity Generate(CommunitySeed seed) => new Generation(seed).Run();

    /// <summary>One community being made: the random source and what is known of each member so far.</summary>
    private sealed class Generation(CommunitySeed seed)
    {
        private const int MissedRoundsBeforePause = 3;

        private readonly Random random = new(seed.Seed);
        private readonly DateTimeOffset lastRoundStart = seed.Now - TimeSpan.FromDays(6);
        private readonly Dictionary<(MemberId A, MemberId B), DateTimeOffset> connections = [];
        private MemberId[] ids = [];
        private MemberPlan[] plans = [];
        private MemberId Manager => ids[0];

        private DateTimeOffset FirstRoundStart => RoundStart(0);

        private DateTimeOffset CreatedAt => FirstRoundStart - TimeSpan.FromDays(30);

        private bool Japanese => seed.Language == Language.Ja;

        public SeededCommunity Run()
        {
            var community = new Community(
                seed.Community,
                seed.Name,
                new CommunitySettings(seed.Language, TimeZone, "intros", seed.CoffeeChannel, "announcements", null, []),
                CreatedAt);
            var members = Members();
            community = community with { Settings = community.Settings with { Managers = [Manager] } };
            var (interests, interestMembers) = Interests(members);
            var (rounds, answers) = Rounds();
            var (events, rsvps, attendees, connects) = Events();
            return new SeededCommunity
            {
                Seed = seed,
                Community = community,
                Schedule = Schedule(),
                Members = [.. members.Select((m, i) => m with { Coffee = plans[i].Enrollment() })],
                Blocks = Blocks(),
                Interests = interests,
                InterestMembers = interestMembers,
                Rounds = rounds,
                Answers = answers,
                Connections = [.. connections.Select(c => new Connection(seed.Community, c.Key.A, c.Key.B, c.Value))
                    .OrderBy(c => c.Since).ThenBy(c => c.A.Value, StringComparer.Ordinal).ThenBy(c => c.B.Value, StringComparer.Ordinal)],
                Events = events,
                Rsvps = rsvps,
                Attendees = attendees,
                Connects = connects,
            };
        }

        private DateTimeOffset RoundStart(int round) => lastRoundStart - (Week * (seed.Rounds - 1 - round));

        private CoffeeSchedule Schedule()
        {
            var local = FirstRoundStart.ToOffset(Tokyo);
            var recurrence = new Recurrence(CadenceKind.Weekly, 1, 0, local.DayOfWeek, TimeOnly.FromTimeSpan(local.TimeOfDay), TimeZone, DateOnly.FromDateTime(local.Date));
            return new CoffeeSchedule(seed.Community, recurrence, seed.GroupSize, PairingMode.CrossIndustry, 12, seed.CoffeeChannel, Active: true)
            {
                NoticeSentFor = seed.Rounds > 0 ? lastRoundStart : null,
                LastRoundFor = seed.Rounds > 0 ? lastRoundStart : null,
                Version = 1,
            };
        }

        private List<Member> Members()
        {
            // The founders are there before the first round; the rest join while the rounds go on, so the community grows.
            var founders = (int)(seed.Members * 0.7);
            var joined = Enumerable.Range(0, seed.Members)
                .Select(i => i < founders
                    ? CreatedAt + (TimeSpan.FromDays(29) * random.NextDouble())
                    : FirstRoundStart + ((seed.Now - TimeSpan.FromDays(1) - FirstRoundStart) * random.NextDouble()))
                .ToArray();
            Array.Sort(joined, 0, founders);
            Array.Sort(joined, founders, seed.Members - founders);

            ids = [.. Enumerable.Range(1, seed.Members).Select(seed.MemberId)];
            plans = new MemberPlan[seed.Members];
            var members = new List<Member>(seed.Members);
            for (var i = 0; i < seed.Members; i++)
            {
                plans[i] = Plan(joined[i]);
                members.Add(new Member(seed.Community, ids[i], string.Empty, Profile.Empty, CoffeeEnrollment.NotJoined, joined[i]) { Version = 1 });
                members[i] = Describe(members[i], japanese: random.NextDouble() < (Japanese ? 0.7 : 0.35));
            }

            return members;
        }

        private MemberPlan Plan(DateTimeOffset joinedAt)
        {
            var plan = new MemberPlan(joinedAt, random.NextDouble() < 0.05 ? 0.3 : 0.98)
            {
                InCoffee = random.NextDouble() >= 0.05,
                SkipNext = random.NextDouble() < 0.02,
            };
            if (seed.Rounds == 0)
            {
                return plan;
            }

            if (random.NextDouble() < 0.06)
            {
                plan.LeavesAtRound = random.Next(seed.Rounds);
            }

            if (random.NextDouble() < 0.07)
            {
                // A pause a member chose: some are over (the date stays stored), some reach past now.
                plan.PausedFromRound = random.Next(seed.Rounds);
                plan.PausedUntil = DateOnly.FromDateTime(RoundStart(plan.PausedFromRound.Value).ToOffset(Tokyo).Date).AddDays(7 * random.Next(2, 9));
            }

            return plan;
        }

        private Member Describe(Member member, bool japanese)
        {
            var industry = random.NextDouble() < 0.05 ? -1 : Falling(SeedVocabulary.Industries.Length);
            var name = japanese
                ? $"{Pick(SeedVocabulary.JapaneseFamilyNames)} {Pick(SeedVocabulary.JapaneseGivenNames)}"
                : $"{Pick(SeedVocabulary.EnglishGivenNames)} {Pick(SeedVocabulary.EnglishFamilyNames)}";
            var role = industry < 0 ? null : japanese ? SeedVocabulary.Roles[industry].Ja : SeedVocabulary.Roles[industry].En;
            var interests = Enumerable.Range(0, random.Next(0, 4)).Select(_ => SeedVocabulary.Interests[Falling(SeedVocabulary.Interests.Length)]).Distinct().ToList();
            var profile = new Profile(
                role is null ? null : japanese ? $"{name.Split(' ')[0]}です。{role}をしています。異業種の方とお話ししたいです。" : $"I'm {name.Split(' ')[0]}, {role.ToLowerInvariant()}. Happy to chat!",
                role,
                industry < 0 ? null : SeedVocabulary.Industries[industry],
                [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(SeedVocabulary.Offers)).Distinct().Select(o => japanese ? o.Ja : o.En)],
                [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Pick(SeedVocabulary.Seeks)).Distinct().Select(s => japanese ? s.Ja : s.En)],
                interests,
                japanese || random.NextDouble() < 0.5 ? TimeZone : "Europe/London",
                japanese ? Language.Ja : Language.En);
            return member with { DisplayName = name, Profile = profile };
        }

        private List<Block> Blocks() =>
            [.. Enumerable.Range(0, ids.Length / 200)
                .Select(_ => new Block(ids[random.Next(ids.Length)], ids[random.Next(ids.Length)]))
                .Where(b => b.Blocker != b.Blocked)
                .Distinct()];

        private (List<Interest>, List<(InterestId, MemberId)>) Interests(List<Member> members)
        {
            var count = Math.Min(SeedVocabulary.Interests.Length, 6 + (seed.Members / 1000));
            var interests = SeedVocabulary.Interests.Take(count).Select((name, k) => new Interest(
                seed.Community,
                new InterestId($"i{k + 1:D3}"),
                name,
                Japanese ? $"{name} が好きなメンバーの集まり" : $"Members into {name}",
                Archived: k == count - 1,
                $"role-{k + 1}",
                $"channel-{k + 1}",
                CreatedAt + TimeSpan.FromDays(k))).ToList();
            var byName = interests.Where(i => !i.Archived).ToDictionary(i => i.Name, i => i.Id);
            var joined = new List<(InterestId, MemberId)>();
            foreach (var member in members)
            {
                foreach (var name in member.Profile.Interests)
                {
                    if (byName.TryGetValue(name, out var interest) && random.NextDouble() < 0.7)
                    {
                        joined.Add((interest, member.Id));
                    }
                }
            }

            return (interests, joined);
        }

        private (List<RoundRecord>, List<GroupAnswer>) Rounds()
        {
            var rounds = new List<RoundRecord>(seed.Rounds);
            var answers = new List<GroupAnswer>();
            var taking = new List<int>(seed.Members);
            for (var r = 0; r < seed.Rounds; r++)
            {
                var start = RoundStart(r);
                var open = r == seed.Rounds - 1;
                var round = new Round(seed.Community, RoundId.ForOccurrence(seed.Community, start), start, seed.GroupSize,
                    r % 5 == 4 ? PairingMode.SharedInterest : PairingMode.CrossIndustry, random.NextInt64())
                {
                    EndsAt = start + Week,
                    NudgedAt = start + TimeSpan.FromDays(5),
                    CheckInAt = start + TimeSpan.FromDays(5),
                    ReaskedAt = open ? null : start + TimeSpan.FromDays(6),
                    ClosedAt = open ? null : start + Week,
                    Version = open ? 3 : 5,
                };

                taking.Clear();
                var today = DateOnly.FromDateTime(start.ToOffset(Tokyo).Date);
                for (var i = 0; i < plans.Length; i++)
                {
                    if (plans[i].TakesPart(r, start, today))
                    {
                        taking.Add(i);
                    }
                }

                Shuffle(taking);
                var groups = new List<Group>();
                var groupCount = taking.Count / seed.GroupSize;
                for (var g = 0; g < groupCount; g++)
                {
                    // ⌊N/size⌋ groups; the members left over join the first groups one each, as the pairing engine does.
                    var members = new List<int>(seed.GroupSize + 1);
                    for (var k = g; k < taking.Count; k += groupCount)
                    {
                        members.Add(taking[k]);
                    }

                    groups.Add(Meet(round, members, answers, open));
                }

                rounds.Add(new RoundRecord(round, groups));
            }

            return (rounds, answers);
        }

        /// <summary>One group's week: who answered what, the connections a "met" makes, and who is paused for staying silent.</summary>
        private Group Meet(Round round, List<int> members, List<GroupAnswer> answers, bool open)
        {
            var id = new GroupId(Convert.ToHexStringLower(RandomBytes(16)));
            var fate = random.NextDouble() switch
            {
                < 0.05 => MeetingOutcome.Unknown,
                < 0.75 => MeetingOutcome.Met,
                < 0.87 => MeetingOutcome.NotYet,
                _ => MeetingOutcome.DidNotMeet,
            };
            var asked = round.CheckInAt!.Value;
            var window = open ? seed.Now - asked : round.EndsAt!.Value - asked;
            var outcome = MeetingOutcome.Unknown;
            var version = 1;
            foreach (var i in members)
            {
                var answered = fate != MeetingOutcome.Unknown && random.NextDouble() < plans[i].AnswerRate * (open ? 0.5 : 1);
                if (!open)
                {
                    plans[i].Answered(answered, MissedRoundsBeforePause);
                }

                if (!answered)
                {
                    continue;
                }

                var answer = fate == MeetingOutcome.Met && random.NextDouble() < 0.05 ? MeetingOutcome.NotYet : fate;
                var at = asked + (window * random.NextDouble());
                answers.Add(new GroupAnswer(id, ids[i], answer, at));
                version++;
                outcome = Stronger(outcome, answer);
                if (answer == MeetingOutcome.Met)
                {
                    foreach (var other in members.Where(o => o != i))
                    {
                        Connect(ids[i], ids[other], at);
                    }
                }
            }

            return new Group(round.Id, id, [.. members.Select(i => ids[i])], outcome) { Version = version };
        }

        private (List<Event>, List<Rsvp>, List<EventAttendance>, List<EventConnect>) Events()
        {
            var events = new List<Event>();
            var rsvps = new List<Rsvp>();
            var attendees = new List<EventAttendance>();
            var connects = new List<EventConnect>();
            var span = seed.Now - FirstRoundStart;
            for (var k = 0; k < seed.Events; k++)
            {
                var ahead = k == seed.Events - 1 && seed.Events > 1;
                var day = ahead ? seed.Now + TimeSpan.FromDays(10) : FirstRoundStart + (span * ((k + 0.5) / Math.Max(1, seed.Events - 1)));
                var start = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero) + TimeSpan.FromHours(10);
                var (title, place) = (SeedVocabulary.EventTitles[k % SeedVocabulary.EventTitles.Length], SeedVocabulary.Places[k % SeedVocabulary.Places.Length]);
                var eligible = plans.Count(p => p.JoinedAt < start - TimeSpan.FromDays(14));
                var ev = new Event(seed.Community, new EventId(EventIdText()), Japanese ? title.Ja : title.En, Japanese ? "どなたでも歓迎です。" : "Everyone is welcome.",
                    start, TimeSpan.FromHours(2), TimeZone, Japanese ? place.Ja : place.En, k % 3 == 0 ? null : Math.Max(4, eligible / 6), Cancelled: false)
                {
                    CreatedBy = Manager,
                    CreatedAt = start - TimeSpan.FromDays(14),
                    Version = 1,
                    RemindedFor = ahead ? null : start - TimeSpan.FromHours(1),
                    Finished = start + TimeSpan.FromHours(2) < seed.Now,
                };
                events.Add(ev);
                var answered = Answer(ev, rsvps);
                if (ev.Finished)
                {
                    Attend(ev, answered, attendees, connects);
                }
            }

            return (events, rsvps, attendees, connects);
        }

        /// <summary>The answers to <paramref name="ev"/> in the order they came: "going" past the capacity joins the waitlist.</summary>
        private List<Rsvp> Answer(Event ev, List<Rsvp> rsvps)
        {
            var until = (ev.Finished ? ev.Start : seed.Now) - ev.CreatedAt;
            var answers = new List<Rsvp>();
            for (var i = 0; i < plans.Length; i++)
            {
                if (plans[i].JoinedAt < ev.CreatedAt && random.NextDouble() < 0.3)
                {
                    var status = random.NextDouble() switch { < 0.6 => RsvpStatus.Going, < 0.8 => RsvpStatus.Maybe, _ => RsvpStatus.NotGoing };
                    answers.Add(new Rsvp(ev.Id, ids[i], status, ev.CreatedAt + (until * random.NextDouble())));
                }
            }

            answers.Sort((a, b) => a.AnsweredAt.CompareTo(b.AnsweredAt));
            var going = 0;
            var waiting = 0L;
            for (var a = 0; a < answers.Count; a++)
            {
                if (answers[a].Status == RsvpStatus.Going && ++going > ev.Capacity)
                {
                    answers[a] = answers[a] with { Status = RsvpStatus.Waitlisted, WaitlistPosition = ++waiting };
                }
            }

            rsvps.AddRange(answers);
            return answers;
        }

        /// <summary>Who attended (as the bot records it: everyone going when the event closed) and the connects they pressed afterwards; two who pressed each other are connected.</summary>
        private void Attend(Event ev, List<Rsvp> answers, List<EventAttendance> attendees, List<EventConnect> connects)
        {
            var came = answers.Where(a => a.Status == RsvpStatus.Going).Select(a => a.Member).ToList();
            attendees.AddRange(came.Select(m => new EventAttendance(ev.Id, ev.Start, m)));
            var pressed = new Dictionary<(MemberId, MemberId), DateTimeOffset>();
            foreach (var from in came.Where(_ => random.NextDouble() < 0.5))
            {
                foreach (var to in Enumerable.Range(0, random.Next(1, 4)).Select(_ => came[random.Next(came.Count)]).Where(to => to != from).Distinct())
                {
                    pressed.TryAdd((from, to), ev.End + (TimeSpan.FromHours(2) * random.NextDouble()));
                    if (random.NextDouble() < 0.5)
                    {
                        pressed.TryAdd((to, from), ev.End + (TimeSpan.FromHours(2) * random.NextDouble()));
                    }
                }
            }

            foreach (var ((from, to), at) in pressed)
            {
                connects.Add(new EventConnect(ev.Id, from, to, at));
                if (pressed.TryGetValue((to, from), out var back) && back <= at)
                {
                    Connect(from, to, at);
                }
            }
        }

        /// <summary>As the store keeps them: one row per pair, A ordinally first, dated by the first time they met.</summary>
        private void Connect(MemberId x, MemberId y, DateTimeOffset at)
        {
            var key = string.CompareOrdinal(x.Value, y.Value) < 0 ? (x, y) : (y, x);
            if (!connections.TryGetValue(key, out var since) || at < since)
            {
                connections[key] = at;
            }
        }

        private static MeetingOutcome Stronger(MeetingOutcome current, MeetingOutcome answer) =>
            current == MeetingOutcome.Met || answer == MeetingOutcome.Met ? MeetingOutcome.Met
            : current == MeetingOutcome.NotYet || answer == MeetingOutcome.NotYet ? MeetingOutcome.NotYet
            : MeetingOutcome.DidNotMeet;

        private void Shuffle(List<int> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        /// <summary>An index below <paramref name="count"/>, the first ones most likely (weights 1, 1/2, 1/3…), as popular industries and interests are.</summary>
        private int Falling(int count)
        {
            var total = 0.0;
            for (var k = 1; k <= count; k++)
            {
                total += 1.0 / k;
            }

            var pick = random.NextDouble() * total;
            for (var k = 0; k < count; k++)
            {
                pick -= 1.0 / (k + 1);
                if (pick < 0)
                {
                    return k;
                }
            }

            return count - 1;
        }

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        private string EventIdText() => new([.. Enumerable.Range(0, 8).Select(_ => "abcdefghijkmnpqrstuvwxyz23456789"[random.Next(32)])]);
    }
}
