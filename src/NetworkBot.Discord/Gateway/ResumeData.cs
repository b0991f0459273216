namespace NetworkBot.Discord.Gateway;

/// <summary><c>d</c> of op 6 Resume, sent on <c>resume_gateway_url</c> after Hello instead of Identify.</summary>
public sealed record ResumeData(string Token, string SessionId, long Seq)
{
    public override string ToString() => $"ResumeData {{ SessionId = {SessionId}, Seq = {Seq} }}";
}
