namespace InfusionSuite.Devices.Mqtt;

/// <summary>A CCP/1 topic taken apart: <c>{root}/{site}/{controllerId}/{kind}</c>.</summary>
internal readonly record struct MqttTopic(string Site, string ControllerId, string Kind)
{
    public static bool TryParse(string root, string topic, out MqttTopic parsed)
    {
        parsed = default;
        root = root.TrimEnd('/');
        if (topic.Length <= root.Length + 1 || !topic.StartsWith(root, StringComparison.Ordinal) || topic[root.Length] != '/')
        {
            return false;
        }

        var parts = topic[(root.Length + 1)..].Split('/');
        if (parts.Length != 3)
        {
            return false;
        }

        parsed = new MqttTopic(parts[0], parts[1], parts[2]);
        return true;
    }
}
