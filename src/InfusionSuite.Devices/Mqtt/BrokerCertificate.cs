using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace InfusionSuite.Devices.Mqtt;

/// <summary>Validates the broker's certificate against the site's own certificate authorities (<see cref="MqttLinkOptions.CaCertificateFile"/>).</summary>
internal static class BrokerCertificate
{
    /// <summary>
    /// True when the certificate was presented, names the broker host, and chains to one of
    /// <paramref name="authorities"/> (custom root trust: the system's store is not consulted; no revocation check).
    /// </summary>
    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        var typed = certificate as X509Certificate2;
        using var loaded = typed is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        return chain.Build(typed ?? loaded!);
    }
}
