using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace PodExport.Cluster.Identity;

/// <summary>RFC 4122 version-5 (SHA-1, name-based) UUIDs, as StackRox derives pod ids and static-pod groups.</summary>
public static class Uuid5
{
    /// <summary>The namespace StackRox uses for pod ids (pod-model M-3).</summary>
    public static readonly Guid PodIdNamespace = new("32581326-b68f-49f5-a8a2-83853cac8813");

    /// <summary>UUIDv5 of the UTF-8 bytes of <paramref name="name"/> in <paramref name="namespaceId"/>.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 4122 version 5 is defined on SHA-1; it derives ids, it protects nothing.")]
    public static Guid Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];

        // RFC 4122 hashes the namespace in network byte order; Guid's default layout is mixed-endian.
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>The same, written lowercase canonical (<c>8-4-4-4-12</c>).</summary>
    public static string CreateString(Guid namespaceId, string name) => Create(namespaceId, name).ToString("D");

    /// <summary>The pod's <c>id</c> from its Kubernetes UID, taken exactly as reported (pod-model M-3).</summary>
    public static string PodId(string podUid) => CreateString(PodIdNamespace, podUid);
}
