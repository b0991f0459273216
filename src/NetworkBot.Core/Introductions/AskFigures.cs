namespace NetworkBot.Core.Introductions;

/// <summary>What managers see of introductions: asks made, asks a candidate accepted, introductions that became connections.</summary>
public sealed record AskFigures(int Asks, int Accepted, int Connected);
