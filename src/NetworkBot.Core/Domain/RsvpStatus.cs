namespace NetworkBot.Core.Domain;

public enum RsvpStatus
{
    Going,
    Maybe,
    NotGoing,
}
