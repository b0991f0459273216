namespace NetworkBot.Host.Tests.Crash;

/// <summary>How a crash run stops the bot: <see cref="Kill"/> is SIGKILL (a crash, power loss, the OOM killer); <see cref="Term"/> is SIGTERM (a deploy, <c>systemctl stop</c>).</summary>
public enum CrashSignal
{
    Kill,
    Term,
}
