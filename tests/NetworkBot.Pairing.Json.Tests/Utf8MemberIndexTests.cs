using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetworkBot.Core.Domain;
using NetworkBot.Core.Pairing;

namespace NetworkBot.Pairing.Json.Tests;

public sealed class Utf8MemberIndexTests
{
    [Property]
    public Property Finds_each_id_by_its_utf8_text_and_nothing_else()
    {
        return Prop.ForAll(ArbMap.Default.ArbFor<string[]>(), texts =>
        {
            // Ids read from JSON are whole UTF-16 text: a lone surrogate does not read as a string.
            var ids = texts.Where(id => id is not null && Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(id)) == id).Distinct().ToArray();
            var index = Utf8MemberIndex.Build(ids);

            Assert.NotNull(index);
            for (var m = 0; m < ids.Length; m++)
            {
                Assert.Equal(m, index.Find(Encoding.UTF8.GetBytes(ids[m])));
                Assert.Equal(Array.IndexOf(ids, ids[m] + "x"), index.Find(Encoding.UTF8.GetBytes(ids[m] + "x")));
            }
        });
    }

    [Fact]
    public void Refuses_ids_that_repeat() =>
        Assert.Null(Utf8MemberIndex.Build(["1100000000000000001", "é", "1100000000000000001"]));

    [Fact]
    public void History_ids_match_members_however_the_json_escapes_them()
    {
        const string members = """
            "members": [{"id": "a"}, {"id": "é"}, {"id": "q\"1"}, {"id": "1100000000000000001"}]
            """;
        for (var seed = 0; seed < 10; seed++)
        {
            var plain = Read(seed, members, """[["a", "é"], ["q\"1", "1100000000000000001"]]""");
            var escaped = Read(seed, members, """[["\u0061", "\u00e9"], ["q\u00221", "110000000000000000\u0031"]]""");

            Assert.Equal(PairingJson.WriteResult(Match(plain)), PairingJson.WriteResult(Match(escaped)));
            Assert.DoesNotContain(Match(escaped).Groups, group => group.Contains(new MemberId("a")) && group.Contains(new MemberId("é")));
        }
    }

    private static PairingRequest Read(int seed, string members, string groups)
    {
        Assert.True(PairingJson.TryReadRequest($$"""{"seed": {{seed}}, {{members}}, "history": [{"groups": {{groups}}}]}""", out var request, out var error), error);
        return request;
    }

    private static PairingResult Match(PairingRequest request) =>
        Assert.IsType<PairingOutcome.Success>(new PairingEngine().Match(request)).Result;
}
