package app.lantern.quote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Hashtable;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Adds a PAdES baseline signature (ETSI.CAdES.detached, signing-certificate-v2, no CMS signing-time) to a PDF as an
 * incremental update, so the bytes before the signature stay exactly as they were.
 */
final class PadesSigner {

    private PadesSigner() {}

    static byte[] sign(byte[] pdf, OrgCertificate.SigningKey key, String name, String reason, Calendar when) {
        try (PDDocument doc = Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(name);
            signature.setReason(reason);
            signature.setLocation("CN");
            signature.setSignDate(when);
            SignatureOptions options = new SignatureOptions();
            options.setPreferredSignatureSize(24 * 1024);
            doc.addSignature(signature, content -> cms(content, key), options);
            doc.saveIncremental(out);
            options.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cms(InputStream content, OrgCertificate.SigningKey key) throws IOException {
        try {
            X509Certificate cert = key.chain().getFirst();
            byte[] data = content.readAllBytes();
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            SigningCertificateV2 scv2 = new SigningCertificateV2(new ESSCertIDv2[] {
                new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash)
            });
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(scv2)));
            AttributeTable table = new AttributeTable(attrs);
            var signedAttributes = new DefaultSignedAttributeTableGenerator(table) {
                @Override
                protected Hashtable createStandardAttributeTable(java.util.Map parameters) {
                    Hashtable std = super.createStandardAttributeTable(parameters);
                    std.remove(CMSAttributes.signingTime);
                    return std;
                }
            };
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(key.key());
            gen.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(signedAttributes)
                            .build(signer, cert));
            gen.addCertificates(new JcaCertStore(key.chain()));
            return gen.generate(new CMSProcessableByteArray(data), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign the document", e);
        }
    }
}
