using System.Net;
using System.Text;
using NetworkBot.Discord.Rest;

namespace NetworkBot.Discord.Tests.Rest;

public sealed class DiscordApiErrorTests
{
    private static DiscordApiError Parse(HttpStatusCode status, string body) => DiscordApiError.Parse(status, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void Nested_form_errors_flatten_into_one_line_per_field_in_document_order()
    {
        var error = Parse(HttpStatusCode.BadRequest, """
            {"code":50035,"message":"Invalid Form Body","errors":{
              "content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]},
              "embeds":{"0":{"fields":{"3":{"name":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}}},
                             "description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length."}]}}}}}
            """);

        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.Message);
        Assert.Equal(
            [
                "content: Must be 2000 or fewer in length.",
                "embeds.0.fields.3.name: This field is required",
                "embeds.0.description: Must be 4096 or fewer in length.",
            ],
            error.FieldErrors);
        Assert.Contains("embeds.0.fields.3.name: This field is required", DiscordApiError.Describe(error));
    }

    [Fact]
    public void Closed_dms_are_described_as_the_user_not_accepting_direct_messages()
    {
        var error = Parse(HttpStatusCode.Forbidden, """{"message":"Cannot send messages to this user","code":50007}""");

        var sentence = DiscordApiError.Describe(error);

        Assert.Contains("direct message", sentence);
        Assert.Contains("closed DMs", sentence);
    }

    [Fact]
    public void Missing_permissions_name_both_the_permission_and_the_role_hierarchy()
    {
        var error = Parse(HttpStatusCode.Forbidden, """{"message":"Missing Permissions","code":50013}""");

        var sentence = DiscordApiError.Describe(error);

        Assert.Contains("permission", sentence);
        Assert.Contains("role hierarchy", sentence);
    }

    [Theory]
    [InlineData(10003, "channel")]
    [InlineData(10062, "3 seconds")]
    [InlineData(40060, "already answered")]
    [InlineData(50001, "View Channel")]
    public void Common_codes_get_a_plain_sentence(int code, string expected)
    {
        var error = new DiscordApiError(HttpStatusCode.BadRequest, code, "whatever Discord said", []);

        Assert.Contains(expected, DiscordApiError.Describe(error));
    }

    [Fact]
    public void A_body_that_is_not_discords_json_keeps_the_status_and_reason()
    {
        var error = DiscordApiError.Parse(HttpStatusCode.BadGateway, "<html>502</html>"u8, "Bad Gateway");

        Assert.Equal((HttpStatusCode.BadGateway, "Bad Gateway"), (error.Status, error.Message));
        Assert.Null(error.Code);
        Assert.Empty(error.FieldErrors);
        Assert.Contains("502", DiscordApiError.Describe(error));
    }
}
