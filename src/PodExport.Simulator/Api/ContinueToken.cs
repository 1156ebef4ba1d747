using System.Buffers.Text;
using System.Text.Json;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>The opaque continue token: the snapshot RV and the last key returned (kubernetes-api D.1 item 13).</summary>
internal readonly record struct ContinueToken(long ResourceVersion, ObjectKey LastKey)
{
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("v", "meta.k8s.io/v1");
            w.WriteNumber("rv", ResourceVersion);
            w.WriteString("ns", LastKey.Namespace);
            w.WriteString("name", LastKey.Name);
            w.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    public static ContinueToken Parse(string token)
    {
        try
        {
            using var doc = JsonDocument.Parse(Base64Url.DecodeFromChars(token));
            var root = doc.RootElement;
            if (root.GetProperty("v").GetString() != "meta.k8s.io/v1")
            {
                throw new FormatException("unknown token version");
            }

            return new ContinueToken(root.GetProperty("rv").GetInt64(),
                new ObjectKey(root.GetProperty("ns").GetString() ?? "", root.GetProperty("name").GetString() ?? ""));
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw ApiStatus.BadRequest($"continue key is not valid: {e.Message}");
        }
    }
}
