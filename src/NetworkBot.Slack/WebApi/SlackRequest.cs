using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NetworkBot.Slack.WebApi;

/// <summary>One Web API call's method and body, kept as bytes or pairs so every retry sends a fresh, identical body.</summary>
internal sealed class SlackRequest
{
    private readonly byte[]? json;
    private readonly IReadOnlyList<KeyValuePair<string, string>> form;

    private SlackRequest(string method, byte[]? json, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        Method = method;
        this.json = json;
        this.form = form;
    }

    public string Method { get; }

    public static SlackRequest FromJson<T>(string method, T body, JsonTypeInfo<T> type) =>
        new(method, JsonSerializer.SerializeToUtf8Bytes(body, type), []);

    public static SlackRequest Form(string method, params (string Name, string Value)[] arguments) =>
        new(method, null, [.. arguments.Select(a => KeyValuePair.Create(a.Name, a.Value))]);

    public HttpContent CreateContent()
    {
        if (json is null)
        {
            return new FormUrlEncodedContent(form);
        }

        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
