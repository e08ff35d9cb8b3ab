using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InfusionSuite.Testing;

/// <summary>
/// A throwaway certificate authority, a server certificate for 127.0.0.1/localhost and a client
/// certificate signed by it, and a second authority that signed nothing here, all as PEM files in a
/// temp folder readable by a broker that drops root (mosquitto runs as its own user).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.pem");

    /// <summary>An authority that did not sign the server's certificate.</summary>
    public string OtherCaFile => Path.Combine(Directory, "other-ca.pem");

    public string ServerCertificateFile => Path.Combine(Directory, "server.pem");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public string ClientCertificateFile => Path.Combine(Directory, "client.pem");

    public string ClientKeyFile => Path.Combine(Directory, "client.key");

    public static TestCertificates Create()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("certs-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var certificates = new TestCertificates(directory);
        using var ca = Authority("CN=InfusionSuite Test CA");
        using var other = Authority("CN=Some Other CA");
        Write(certificates.CaFile, ca.ExportCertificatePem());
        Write(certificates.OtherCaFile, other.ExportCertificatePem());
        Issue(ca, "CN=localhost", server: true, certificates.ServerCertificateFile, certificates.ServerKeyFile);
        Issue(ca, "CN=infusionsuite-links", server: false, certificates.ClientCertificateFile, certificates.ClientKeyFile);
        return certificates;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
    }

    private static void Issue(X509Certificate2 ca, string subject, bool server, string certificateFile, string keyFile)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [server ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1), serial);
        Write(certificateFile, issued.ExportCertificatePem());
        Write(keyFile, key.ExportPkcs8PrivateKeyPem());
    }

    private static void Write(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
