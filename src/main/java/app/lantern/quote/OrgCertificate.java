package app.lantern.quote;

import static lantern.db.Tables.QUOTE_BLOBS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The organisation's signing certificate (PKCS#12) used for the PAdES signature of stamped quotes. Admins upload one
 * whose password is in {@code LANTERN_ORG_CERT_PASSWORD}; without one, a self-signed certificate is generated on first
 * use and admins see a warning (PDF readers will not trust it, but the document's integrity is still verifiable).
 */
@Component
class OrgCertificate {

    static final String BLOB = "org-certificate";
    private final DSLContext db;
    private final Clock clock;
    private final String configuredPassword;
    private final String company;

    OrgCertificate(
            DSLContext db,
            Clock clock,
            @Value("${LANTERN_ORG_CERT_PASSWORD:}") String configuredPassword,
            @Value("${lantern.quote.company:明灯科技有限公司}") String company) {
        this.db = db;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
        this.company = company;
    }

    record SigningKey(PrivateKey key, List<X509Certificate> chain, boolean selfSigned) {}

    record Info(boolean present, boolean selfSigned, String subject, String notAfter) {}

    Info info() {
        return db.selectFrom(QUOTE_BLOBS)
                .where(QUOTE_BLOBS.NAME.eq(BLOB))
                .fetchOptional()
                .map(r -> {
                    SigningKey k = load(r.getContent(), r.getInfo());
                    return new Info(
                            true,
                            k.selfSigned(),
                            k.chain().getFirst().getSubjectX500Principal().getName(),
                            k.chain().getFirst().getNotAfter().toInstant().toString());
                })
                .orElse(new Info(false, true, null, null));
    }

    /** The key to sign with; generates and stores a self-signed one if none was uploaded. */
    SigningKey signingKey() {
        Optional<lantern.db.tables.records.QuoteBlobsRecord> row =
                db.selectFrom(QUOTE_BLOBS).where(QUOTE_BLOBS.NAME.eq(BLOB)).fetchOptional();
        if (row.isPresent()) {
            return load(row.get().getContent(), row.get().getInfo());
        }
        return generate();
    }

    /** Stores an uploaded PKCS#12 (opened with {@code LANTERN_ORG_CERT_PASSWORD}); fails if it cannot be opened. */
    Info upload(byte[] pkcs12, Long userId) {
        if (configuredPassword.isEmpty()) {
            throw app.lantern.shared.ValidationException.unprocessable(
                    "file",
                    "set LANTERN_ORG_CERT_PASSWORD on the server to the certificate's password before uploading");
        }
        SigningKey key = load(pkcs12, "uploaded");
        if (key.chain().isEmpty()) {
            throw app.lantern.shared.ValidationException.field("file", "the file holds no certificate");
        }
        save(pkcs12, "uploaded", userId);
        return info();
    }

    private synchronized SigningKey generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048, new SecureRandom());
            KeyPair pair = gen.generateKeyPair();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, company)
                    .addRDN(BCStyle.CN, company + " 电子签章（自签名）")
                    .build();
            Date from = Date.from(OffsetDateTime.now(clock).minusDays(1).toInstant());
            Date to = Date.from(OffsetDateTime.now(clock).plusYears(10).toInstant());
            var builder = new JcaX509v3CertificateBuilder(
                    subject, new BigInteger(64, new SecureRandom()), from, to, subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            String password = configuredPassword.isEmpty()
                    ? Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes())
                    : configuredPassword;
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("seal", pair.getPrivate(), password.toCharArray(), new Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password.toCharArray());
            // a generated password is kept with the file: the self-signed key protects integrity, not identity
            save(out.toByteArray(), configuredPassword.isEmpty() ? "self-signed:" + password : "self-signed", null);
            return new SigningKey(pair.getPrivate(), List.of(cert), true);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate the organisation certificate", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private void save(byte[] content, String info, Long userId) {
        db.deleteFrom(QUOTE_BLOBS).where(QUOTE_BLOBS.NAME.eq(BLOB)).execute();
        db.insertInto(QUOTE_BLOBS)
                .set(QUOTE_BLOBS.NAME, BLOB)
                .set(QUOTE_BLOBS.CONTENT, content)
                .set(QUOTE_BLOBS.INFO, info)
                .set(QUOTE_BLOBS.UPDATED_AT, OffsetDateTime.now(clock))
                .set(QUOTE_BLOBS.UPDATED_BY, userId)
                .execute();
    }

    private SigningKey load(byte[] pkcs12, String info) {
        boolean selfSigned = info != null && info.startsWith("self-signed");
        String password = info != null && info.startsWith("self-signed:")
                ? info.substring("self-signed:".length())
                : configuredPassword;
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) ks.getKey(alias, password.toCharArray());
                    List<X509Certificate> chain = java.util.Arrays.stream(ks.getCertificateChain(alias))
                            .map(c -> (X509Certificate) c)
                            .toList();
                    return new SigningKey(key, chain, selfSigned);
                }
            }
            throw app.lantern.shared.ValidationException.field("file", "the PKCS#12 file holds no private key");
        } catch (GeneralSecurityException | IOException e) {
            throw app.lantern.shared.ValidationException.field(
                    "file", "cannot open the PKCS#12 file with the configured password");
        }
    }
}
