using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.Storage;

/// <summary>How stored documents are written: the spec's property names, Chinese kept readable.</summary>
public static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
