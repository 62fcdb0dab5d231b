package io.portbind.chat.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.portbind.common.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The TLS side of STARTTLS: the server's certificate and the Netty context that makes a handler
 * per connection. Loaded from the operator's PEM files, or self-signed for the domain.
 *
 * @param certificate  the leaf certificate clients see
 */
public record ServerTls(SslContext context, X509Certificate certificate) {

    /** From {@code certFile} and {@code keyFile} when both are given, else a new self-signed certificate. */
    public static ServerTls load(Optional<Path> certFile, Optional<Path> keyFile, String domain) {
        if (certFile.isPresent() != keyFile.isPresent()) {
            throw new ConfigException("chat-service: CHAT_TLS_CERT and CHAT_TLS_KEY must be given together");
        }
        if (certFile.isEmpty()) {
            SelfSignedCertificate selfSigned = SelfSignedCertificate.forDomain(domain);
            try {
                SslContext context = SslContextBuilder.forServer(selfSigned.keys().getPrivate(),
                        selfSigned.certificate()).build();
                return new ServerTls(context, selfSigned.certificate());
            } catch (SSLException e) {
                throw new IllegalStateException("cannot use the self-signed certificate", e);
            }
        }
        return fromPem(certFile.get(), keyFile.get());
    }

    private static ServerTls fromPem(Path certFile, Path keyFile) {
        try (InputStream in = Files.newInputStream(certFile)) {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            SslContext context = SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile()).build();
            return new ServerTls(context, leaf);
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            throw new ConfigException("chat-service: cannot use CHAT_TLS_CERT " + certFile + " with CHAT_TLS_KEY "
                    + keyFile + ": " + e.getMessage());
        }
    }

    /** SHA-256 of the certificate, as colon-separated hex, the form clients show for pinning. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
