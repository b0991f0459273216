namespace NetworkBot.Core.Storage;

/// <summary>How a field of the export format is written in JSON, whatever type a provider keeps it as.</summary>
public enum ExportFieldKind
{
    /// <summary>A JSON string or null. Instants are ISO-8601 UTC text, dates <c>yyyy-MM-dd</c>, times <c>HH:mm:ss.fffffff</c>.</summary>
    Text,

    /// <summary>A JSON integer or null.</summary>
    Integer,

    /// <summary>A JSON <c>true</c>/<c>false</c> or null.</summary>
    Boolean,

    /// <summary>A JSON value (an array or object) the store keeps as JSON text, carried as it is.</summary>
    Json,
}
