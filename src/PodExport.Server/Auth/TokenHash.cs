using System.Security.Cryptography;
using System.Text;

namespace PodExport.Server.Auth;

/// <summary>SHA-256 of a token: what caches and comparisons use, so the token itself is never kept (S-5, S-8).</summary>
internal static class TokenHash
{
    public static byte[] Compute(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string ComputeHex(string token) => Convert.ToHexString(Compute(token));
}
