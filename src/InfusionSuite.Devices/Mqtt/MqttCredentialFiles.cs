using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>
/// Reads the secrets and certificates that <see cref="MqttLinkOptions"/> names by file. Each read
/// failure is an <see cref="InvalidOperationException"/> naming the setting and the file (never the
/// content).
/// </summary>
internal static class MqttCredentialFiles
{
    /// <summary>The password: <see cref="MqttLinkOptions.Password"/>, or the content of <see cref="MqttLinkOptions.PasswordFile"/> without one trailing line break.</summary>
    public static string? Password(MqttLinkOptions options)
    {
        if (options.PasswordFile is not { Length: > 0 } file)
        {
            return options.Password;
        }

        var text = Read(nameof(MqttLinkOptions.PasswordFile), file, File.ReadAllText);
        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
            : text.EndsWith('\n') ? text[..^1]
            : text;
    }

    /// <summary>The client certificate with its key, or null when none is configured.</summary>
    public static X509Certificate2? ClientCertificate(MqttLinkOptions options)
    {
        if (options.ClientCertificateFile is not { Length: > 0 } certificate || options.ClientKeyFile is not { Length: > 0 } key)
        {
            return null;
        }

        Read(nameof(MqttLinkOptions.ClientKeyFile), key, File.ReadAllText);
        return Read(nameof(MqttLinkOptions.ClientCertificateFile), certificate, path =>
        {
            using var pem = X509Certificate2.CreateFromPemFile(path, key);
            if (!pem.HasPrivateKey)
            {
                throw new CryptographicException("the key does not belong to the certificate");
            }

            // A certificate with an ephemeral PEM key cannot always be used by SslStream; a PKCS#12 round trip gives it a usable key.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        });
    }

    /// <summary>The certificate authorities to trust for the broker, or null for the system's store.</summary>
    public static X509Certificate2Collection? TrustChain(MqttLinkOptions options)
    {
        if (options.CaCertificateFile is not { Length: > 0 } file)
        {
            return null;
        }

        return Read(nameof(MqttLinkOptions.CaCertificateFile), file, path =>
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(path);
            return collection.Count > 0 ? collection : throw new CryptographicException("no certificate in the file");
        });
    }

    private static T Read<T>(string setting, string path, Func<string, T> read)
    {
        try
        {
            return read(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{MqttLinkOptions.SectionName}:{setting}: cannot read '{path}': {exception.Message}", exception);
        }
    }
}
