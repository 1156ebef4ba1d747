using YamlDotNet.RepresentationModel;

namespace PodExport.Simulator.Auth;

/// <summary>
/// Reads the <c>--auth-config</c> YAML (issue 3 part 2):
/// <code>
/// users:
/// - token: t-admin
///   user: admin
///   groups: [system:masters]
///   allow: ["*"]
/// </code>
/// </summary>
public static class AuthConfigLoader
{
    public static IReadOnlyList<AuthUser> LoadFile(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<AuthUser> Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [];
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("users"), out var usersNode))
        {
            throw new FormatException("auth config: 'users' is missing.");
        }

        if (usersNode is not YamlSequenceNode users)
        {
            throw new FormatException("auth config: 'users' must be a list.");
        }

        var result = new List<AuthUser>();
        foreach (var node in users)
        {
            if (node is not YamlMappingNode entry)
            {
                throw new FormatException("auth config: each user must be a mapping.");
            }

            var token = Scalar(entry, "token") ?? throw new FormatException("auth config: a user has no 'token'.");
            var user = Scalar(entry, "user") ?? throw new FormatException($"auth config: token entry #{result.Count + 1} has no 'user'.");
            result.Add(new AuthUser(token, user)
            {
                Uid = Scalar(entry, "uid"),
                Groups = Sequence(entry, "groups"),
                Allow = Sequence(entry, "allow"),
            });
        }

        return result;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static List<string> Sequence(YamlMappingNode map, string key)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return [];
        }

        return value is YamlSequenceNode seq
            ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : throw new FormatException($"auth config: '{key}' must be a list.");
    }
}
