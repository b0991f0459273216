using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;
using NetworkBot.Core.Tests.Pairing;

namespace NetworkBot.Pairing.Json.Tests;

public sealed class PairingJsonTests
{
    private const string ContractExample = """
        {"groupSize": 2, "seed": 12345, "mode": "random",
         "cooldownRounds": 12,
         "members": [{"id": "u1", "industry": "finance", "interests": ["ai", "rust"],
                      "timezone": "Asia/Tokyo", "blocked": ["u9"]}],
         "history": [{"groups": [["u1", "u2"], ["u3", "u4", "u5"]]}]}
        """;

    [Fact]
    public void Reads_the_contract_example_from_the_design()
    {
        Assert.True(PairingJson.TryReadRequest(ContractExample, out var request, out var error), error);

        Assert.Equal((2, 12345L, PairingMode.Random, 12), (request.GroupSize, request.Seed, request.Mode, request.CooldownRounds));
        var member = Assert.Single(request.Members);
        Assert.Equal(new MemberId("u1"), member.Id);
        Assert.Equal(("finance", "Asia/Tokyo"), (member.Industry, member.TimeZone));
        Assert.Equal(["ai", "rust"], member.Interests);
        Assert.Equal([new MemberId("u9")], member.Blocked);
        var round = Assert.Single(request.History);
        Assert.Equal([["u1", "u2"], ["u3", "u4", "u5"]], round.Groups.Select(g => g.Select(id => id.Value)));
    }

    [Theory]
    [InlineData("cross-industry", PairingMode.CrossIndustry)]
    [InlineData("shared-interest", PairingMode.SharedInterest)]
    [InlineData("random", PairingMode.Random)]
    public void Reads_every_mode(string mode, PairingMode expected)
    {
        Assert.True(PairingJson.TryReadRequest($$"""{"mode": "{{mode}}", "members": []}""", out var request, out _));

        Assert.Equal(expected, request.Mode);
    }

    [Fact]
    public void Missing_fields_take_the_documented_defaults()
    {
        Assert.True(PairingJson.TryReadRequest("""{"seed": 1, "members": [{"id": "u1"}]}""", out var request, out var error), error);

        Assert.Equal((2, PairingMode.Random, 12), (request.GroupSize, request.Mode, request.CooldownRounds));
        Assert.Empty(request.History);
        var member = Assert.Single(request.Members);
        Assert.Empty(member.Interests);
        Assert.Empty(member.Blocked);
        Assert.Null(member.Industry);
        Assert.Null(member.TimeZone);
    }

    [Fact]
    public void A_missing_seed_is_chosen_and_printed_so_the_run_can_be_reproduced()
    {
        const string input = """{"members": [{"id": "u1"}, {"id": "u2"}, {"id": "u3"}, {"id": "u4"}]}""";
        Assert.True(PairingJson.TryReadRequest(input, out var request, out _));
        var result = Assert.IsType<PairingOutcome.Success>(new PairingEngine().Match(request)).Result;

        var printedSeed = JsonNode.Parse(PairingJson.WriteResult(result))!["seed"]!.GetValue<long>();
        Assert.True(printedSeed >= 0);
        var replay = Assert.IsType<PairingOutcome.Success>(new PairingEngine().Match(request with { Seed = printedSeed })).Result;
        Assert.Equal(PairingJson.WriteResult(result), PairingJson.WriteResult(replay));
    }

    [Theory]
    [InlineData("""{"members": [""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("""{"members": []} trailing""", "not valid JSON")]
    [InlineData("""[{"id": "u1"}]""", "must be a JSON object")]
    [InlineData("""{"groupSize": "two", "members": []}""", "'groupSize' must be a whole number")]
    [InlineData("""{"groupSize": 2.5, "members": []}""", "'groupSize' must be a whole number")]
    [InlineData("""{"seed": "abc", "members": []}""", "'seed' must be a whole number")]
    [InlineData("""{"mode": 3, "members": []}""", "'mode' must be a string")]
    [InlineData("""{"members": {"id": "u1"}}""", "'members' must be an array")]
    [InlineData("""{"members": [null]}""", "'members[0]' must be a member object")]
    [InlineData("""{"members": [{"id": 7}]}""", "'members[0].id' must be a string")]
    [InlineData("""{"members": [{"id": "u1", "interests": "ai"}]}""", "'members[0].interests' must be an array")]
    [InlineData("""{"members": [{"id": "u1", "blocked": ["u2", 3]}]}""", "'members[0].blocked[1]' must be a string")]
    [InlineData("""{"members": [{"id": "u1", "interests": [null]}]}""", "'members[0].interests[0]' must be a string")]
    [InlineData("""{"members": [], "history": [{"groups": [["u1", 2]]}]}""", "'history[0].groups[0][1]' must be a string")]
    [InlineData("""{"members": [], "history": [{"groups": [null]}]}""", "'history[0].groups[0]' must be an array")]
    [InlineData("""{"members": [{"id": "a"}], "history": [{"groups": [["a", "x"]]}, {"groups": [["a", 2]]}]}""", "'history[1].groups[0][1]' must be a string")]
    [InlineData("""{"members": [{"id": "a"}], "history": [{"groups": [["a", "x"]]}, {"groups": [["a", """, "not valid JSON")]
    [InlineData("""{"groupSize": 2}""", "'members' is missing")]
    [InlineData("""{"members": null}""", "'members' is missing")]
    [InlineData("""{"members": [{"id": "u1"}, {"id": ""}]}""", "'members[1].id' must be a non-empty member id")]
    [InlineData("""{"members": [{"industry": "finance"}]}""", "'members[0].id' must be a non-empty member id")]
    [InlineData("""{"mode": "speed-dating", "members": []}""", "'mode' must be one of random, cross-industry, shared-interest, not 'speed-dating'")]
    [InlineData("""{"cooldownRounds": -1, "members": []}""", "'cooldownRounds' must be zero or more")]
    public void Bad_input_is_refused_with_one_sentence_naming_the_field(string json, string expected)
    {
        Assert.False(PairingJson.TryReadRequest(json, out var request, out var error));

        Assert.Null(request);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        RoundBuilder.AssertIsOneSentence(error);
    }

    [Fact]
    public void Writes_the_result_in_the_contract_shape()
    {
        var result = new PairingResult(
            [[new MemberId("u1"), new MemberId("u7")], [new MemberId("u2"), new MemberId("u3"), new MemberId("u4")]],
            12345,
            new PairingStats(5, 2, 1, 1, 0, 2.0 / 3, 0.25));

        var json = PairingJson.WriteResult(result);

        Assert.Equal(
            """{"groups":[["u1","u7"],["u2","u3","u4"]],"seed":12345,"stats":{"members":5,"groups":2,"largerGroups":1,"repeatPairs":1,"cooldownViolations":0,"crossIndustryShare":0.6667,"sharedInterestShare":0.25}}""",
            json);
    }

    [Fact]
    public void Writes_the_optional_figures_only_when_they_say_something_and_the_same_on_a_stream()
    {
        var stats = new PairingStats(2, 1, 0, 0, 0, 0, 1) { OfferSeekMatches = 1, SameIndustryBanRelaxations = 1, MeanWorkingHoursOverlap = 20 / 3.0 };
        var result = new PairingResult([[new MemberId("田中"), new MemberId("<b>")]], -7, stats);

        var json = PairingJson.WriteResult(result);
        using var stream = new MemoryStream();
        PairingJson.WriteResult(result, stream);

        var written = JsonNode.Parse(json)!;
        Assert.Equal(["田中", "<b>"], written["groups"]![0]!.AsArray().Select(id => id!.GetValue<string>()));
        Assert.Equal(-7, written["seed"]!.GetValue<long>());
        Assert.Equal(1, written["stats"]!["offerSeekMatches"]!.GetValue<int>());
        Assert.Equal(1, written["stats"]!["sameIndustryBanRelaxations"]!.GetValue<int>());
        Assert.Equal(6.67, written["stats"]!["meanWorkingHoursOverlap"]!.GetValue<double>());
        Assert.Equal(json, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Property]
    public Property Any_text_is_read_or_refused_with_a_sentence_and_never_throws() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            if (!PairingJson.TryReadRequest(text ?? string.Empty, out _, out var error))
            {
                RoundBuilder.AssertIsOneSentence(error);
            }
        });

    [Property]
    public Property Any_cut_or_altered_request_is_read_or_refused_with_a_sentence_and_never_throws()
    {
        var text = Gen.Choose(0, ContractExample.Length).SelectMany(
            cut => Gen.Elements("", "null", "1", "\"x\"", "[", "{", "}", "-5", "true"),
            (cut, insert) => ContractExample[..cut] + insert + ContractExample[cut..]);
        return Prop.ForAll(text.ToArbitrary(), json =>
        {
            if (!PairingJson.TryReadRequest(json, out _, out var error))
            {
                RoundBuilder.AssertIsOneSentence(error);
            }
        });
    }

    [Property]
    public Property A_stream_of_utf8_reads_or_refuses_exactly_like_the_same_text()
    {
        var text = Gen.Choose(0, ContractExample.Length).SelectMany(
            cut => Gen.Elements("", "null", "1", "\"x\"", "[", "{", "}", "-5", "true", "\"\\ud800\"", "\"é\""),
            (cut, insert) => ContractExample[..cut] + insert + ContractExample[cut..]);
        return Prop.ForAll(text.ToArbitrary(), json =>
        {
            var fromText = PairingJson.TryReadRequest(json, out var expected, out var expectedError);
            using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)]);
            var fromStream = PairingJson.TryReadRequest(stream, out var read, out var error);

            Assert.Equal(fromText, fromStream);
            Assert.Equal(expectedError, error);
            Assert.Equal(expected is null ? null : Output(expected), read is null ? null : Output(read));
        });
    }

    [Property]
    public Property A_request_trickling_in_a_few_bytes_at_a_time_reads_or_refuses_exactly_like_the_whole_text()
    {
        // Cut or altered requests, with non-ASCII text, handed out in pieces of 1 to 7 bytes: tokens, escapes and
        // characters are cut at every place, and the error of a broken request names the same line and position.
        var cases = Gen.Choose(0, ContractExample.Length).SelectMany(
                cut => Gen.Elements("", "null", "1", "\"x\"", "[", "{", "}", "-5", "\"\\ud800\"", "\"東京\"", "\"\\u6771\"", "{\"skip\": [[\"é\"]], \"seed\": 9}"),
                (cut, insert) => ContractExample[..cut] + insert + ContractExample[cut..])
            .SelectMany(_ => Gen.Choose(1, 7).ArrayOf(), (json, pieces) => (json, pieces));
        return Prop.ForAll(cases.ToArbitrary(), item =>
        {
            var fromText = PairingJson.TryReadRequest(item.json, out var expected, out var expectedError);
            var fromStream = PairingJson.TryReadRequest(new TricklingStream(Encoding.UTF8.GetBytes(item.json), item.pieces), out var read, out var error);

            Assert.Equal(fromText, fromStream);
            Assert.Equal(expectedError, error);
            Assert.Equal(expected is null ? null : Output(expected), read is null ? null : Output(read));
        });
    }

    [Property]
    public Property Bytes_that_are_not_utf8_anywhere_in_a_trickling_request_read_as_decoding_the_whole_input_would()
    {
        // Invalid bytes and characters cut short, in ids, names and between tokens, arriving in pieces that can split
        // them: the stream reads as the text a decoder makes of all the bytes at once.
        byte[][] strays = [[0xFF], [0x80], [0xC3], [0xE6, 0x9D], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE6, 0x9D, 0xB1]];
        var text = Encoding.UTF8.GetBytes(ContractExample);
        var cases = Gen.Choose(0, text.Length).ArrayOf()
            .SelectMany(_ => Gen.Elements(strays).ArrayOf(), (cuts, inserts) => (cuts, inserts))
            .SelectMany(_ => Gen.Choose(1, 5).ArrayOf(), (edit, pieces) => (edit.cuts, edit.inserts, pieces));
        return Prop.ForAll(cases.ToArbitrary(), item =>
        {
            var bytes = text.ToList();
            for (var i = 0; i < Math.Min(item.cuts.Length, item.inserts.Length); i++)
            {
                bytes.InsertRange(Math.Min(item.cuts[i], bytes.Count), item.inserts[i]);
            }

            var fromText = PairingJson.TryReadRequest(Encoding.UTF8.GetString([.. bytes]), out var expected, out var expectedError);
            var fromStream = PairingJson.TryReadRequest(new TricklingStream([.. bytes], item.pieces), out var read, out var error);

            Assert.Equal(fromText, fromStream);
            Assert.Equal(expectedError, error);
            Assert.Equal(expected is null ? null : Output(expected), read is null ? null : Output(read));
        });
    }

    [Fact]
    public void Bytes_that_are_not_utf8_read_as_replacement_characters_like_text_from_stdin()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("""{"members": [{"id": "u"""), 0xFF, .. Encoding.UTF8.GetBytes("\"}]}")];

        Assert.True(PairingJson.TryReadRequest(new MemoryStream(bytes), out var request, out var error), error);

        Assert.Equal(new MemberId("u\uFFFD"), Assert.Single(request.Members).Id);
    }

    [Property]
    public Property A_round_read_from_json_pairs_exactly_like_the_same_round_built_in_code()
    {
        var rounds = (from count in Gen.Choose(2, 40)
                      from size in Gen.Choose(2, 4)
                      from mode in Gen.Elements(Enum.GetValues<PairingMode>())
                      from history in Gen.Choose(0, 3)
                      from seed in Gen.Choose(0, int.MaxValue)
                      select new RoundCase(count, size, mode, 2, 10, history, seed, seed / 3)).ToArbitrary();
        return Prop.ForAll(rounds, round =>
        {
            var request = round.ToRequest();
            Assert.True(PairingJson.TryReadRequest(ToJson(request), out var read, out var error), error);

            Assert.Equal(Output(request), Output(read));
        });
    }

    [Fact]
    public void History_pairs_the_same_before_or_after_the_members_and_after_the_members_change()
    {
        const string members = """
            "members": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}, {"id": "f"}]
            """;
        const string history = """
            "history": [{"groups": [["a", "b"], ["c", "gone", "d"], ["e", "f"]]}, {}, {"groups": [["a", "c"], ["b", "d", "b"]]}]
            """;
        Assert.True(PairingJson.TryReadRequest($$"""{"seed": 7, {{members}}, {{history}}}""", out var after, out var error), error);
        Assert.True(PairingJson.TryReadRequest($$"""{"seed": 7, {{history}}, {{members}}}""", out var before, out error), error);

        Assert.Equal(Output(before), Output(after));
        Assert.Equal(
            after.History.Select(round => round.Groups.Select(group => group.Select(id => id.Value))),
            before.History.Select(round => round.Groups.Select(group => group.Select(id => id.Value))));
        Assert.Equal(["c", "gone", "d"], after.History[0].Groups[1].Select(id => id.Value));
        var reordered = after.Members.Reverse().ToArray();
        Assert.Equal(Output(before with { Members = reordered }), Output(after with { Members = reordered }));
    }

    [Fact]
    public void History_ids_keep_their_text_and_place_across_rounds_escaped_or_not_member_or_not()
    {
        // Escaped ids name members ("\u0062" is "b") and people outside the round alike, in several rounds.
        const string json = """
            {"seed": 3, "members": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
             "history": [
               {"groups": [["a", "gone-1"], ["\u0062", "c", "gone-2"], ["d"]]},
               {"groups": []},
               {"groups": [["gone-\u0033", "a"], ["gone-1", "d", "b"]]},
               {"groups": [["c", "d"], ["\u0061", "b"]]}
             ]}
            """;

        Assert.True(PairingJson.TryReadRequest(json, out var request, out var error), error);

        Assert.Equal(
            [
                [["a", "gone-1"], ["b", "c", "gone-2"], ["d"]],
                [],
                [["gone-3", "a"], ["gone-1", "d", "b"]],
                [["c", "d"], ["a", "b"]],
            ],
            request.History.Select(round => round.Groups.Select(group => group.Select(id => id.Value).ToArray()).ToArray()).ToArray());
        // b–c, b–d, c–d and a–b have met, so every pairing of the four repeats one pair; were an escaped id not
        // resolved to its member, a–d with b–c would look new.
        var pairs = Assert.IsType<PairingOutcome.Success>(new PairingEngine().Match(request)).Result;
        Assert.Equal(1, pairs.Stats.RepeatPairs);
    }

    private static string Output(PairingRequest request) => new PairingEngine().Match(request) switch
    {
        PairingOutcome.Success success => PairingJson.WriteResult(success.Result),
        PairingOutcome.Failure failure => $"{failure.Kind}: {failure.Message}",
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private static string ToJson(PairingRequest request)
    {
        static JsonArray Ids(IEnumerable<MemberId> ids) => new(ids.Select(id => (JsonNode?)id.Value).ToArray());
        var document = new JsonObject
        {
            ["groupSize"] = request.GroupSize,
            ["seed"] = request.Seed,
            ["mode"] = request.Mode switch
            {
                PairingMode.CrossIndustry => "cross-industry",
                PairingMode.SharedInterest => "shared-interest",
                _ => "random",
            },
            ["cooldownRounds"] = request.CooldownRounds,
            ["members"] = new JsonArray(request.Members.Select(m => (JsonNode?)new JsonObject
            {
                ["id"] = m.Id.Value,
                ["industry"] = m.Industry,
                ["interests"] = new JsonArray(m.Interests.Select(i => (JsonNode?)i).ToArray()),
                ["timezone"] = m.TimeZone,
                ["blocked"] = Ids(m.Blocked),
            }).ToArray()),
            ["history"] = new JsonArray(request.History.Select(round => (JsonNode?)new JsonObject
            {
                ["groups"] = new JsonArray(round.Groups.Select(g => (JsonNode?)Ids(g)).ToArray()),
            }).ToArray()),
        };
        return document.ToJsonString();
    }
}
