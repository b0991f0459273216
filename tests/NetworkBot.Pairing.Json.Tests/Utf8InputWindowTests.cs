using System.Text;

namespace NetworkBot.Pairing.Json.Tests;

public sealed class Utf8InputWindowTests
{
    [Fact]
    public void Tokens_longer_than_the_window_and_values_skipped_across_windows_are_read_whole()
    {
        var longId = new string('x', 300) + "東京";
        var json = $$"""{"ignored": {"a": [1, 2, {"b": "{{new string('y', 100)}}"}]}, "seed": 4, "members": [{"id": "{{longId}}"}, {"id": "b"}], "history": [{"groups": [["{{longId}}", "b"]]}]}""";
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(json)];

        // A byte order mark arriving a byte at a time, a 16-byte window and pieces of 1 to 3 bytes.
        var document = PairingRequestReader.Read(new Utf8InputWindow(new TricklingStream(bytes, [1, 1, 1, 3, 2]), size: 16), skipByteOrderMark: true, out var wrongType);

        Assert.Null(wrongType);
        Assert.NotNull(document);
        Assert.Equal(4, document.Seed);
        Assert.Equal([longId, "b"], document.Members!.Select(member => member!.Id));
        Assert.Equal([[longId, "b"]], document.History![0].Groups.Select(group => group.Select(id => id.Value)));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_by_its_path_across_windows()
    {
        var json = """{"members": [{"id": "a", "interests": ["x", "y"]}, {"id": "b", "interests": ["z", 7]}]}""";

        var document = PairingRequestReader.Read(new Utf8InputWindow(new TricklingStream(Encoding.UTF8.GetBytes(json), [2]), size: 16), skipByteOrderMark: true, out var wrongType);

        Assert.Null(document);
        Assert.Equal("members[1].interests[1]", wrongType);
    }
}
