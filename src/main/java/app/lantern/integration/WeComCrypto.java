package app.lantern.integration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeCom's callback encryption, as its documentation (加解密方案说明) and WXBizMsgCrypt samples define it:
 *
 * <ul>
 *   <li>{@code msg_signature} = hex SHA-1 of the token, timestamp, nonce and ciphertext, sorted and concatenated;
 *   <li>AES-256-CBC, key = Base64-decode(EncodingAESKey + "="), IV = the key's first 16 bytes, PKCS#7 padding to a
 *       multiple of 32 bytes;
 *   <li>plaintext = 16 random bytes, the message length as 4 bytes in network order, the message, the receiver id
 *       (the corp id), which must be ours.
 * </ul>
 */
final class WeComCrypto {

    /** A callback that fails a check; the reason goes to the error log, never to the caller. */
    static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    private static final int BLOCK = 32;

    private final String token;
    private final byte[] key;
    private final String receiveId;

    WeComCrypto(String token, String encodingAesKey, String receiveId) {
        if (encodingAesKey == null || encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("the EncodingAESKey has 43 characters");
        }
        this.token = token;
        this.key = Base64.getDecoder().decode(encodingAesKey + "=");
        this.receiveId = receiveId;
    }

    String signature(String timestamp, String nonce, String encrypted) {
        String[] parts = {token, timestamp, nonce, encrypted};
        Arrays.sort(parts);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the signature and decrypts {@code encrypted} (an echostr or an Encrypt element) to the message. */
    String open(String msgSignature, String timestamp, String nonce, String encrypted) {
        if (msgSignature == null || timestamp == null || nonce == null || encrypted == null) {
            throw new Refused("msg_signature, timestamp, nonce and the ciphertext are required");
        }
        byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, msgSignature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("msg_signature does not match");
        }
        return decrypt(encrypted);
    }

    String decrypt(String base64) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = cipher.doFinal(Base64.getDecoder().decode(base64.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("the ciphertext does not decrypt");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new Refused("bad padding");
        }
        int end = plain.length - pad;
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        if (length < 0 || 20 + length > end) {
            throw new Refused("bad message length");
        }
        String receiver = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!receiver.equals(receiveId)) {
            throw new Refused("the message is for another receiver id");
        }
        return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    /** Encrypts as WeCom does, with the given 16 random bytes (a passive reply, and fake WeCom servers in tests). */
    String encrypt(String message, byte[] random16) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
        int length = 20 + msg.length + id.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer buf = ByteBuffer.allocate(length + pad);
        buf.put(random16, 0, 16).putInt(msg.length).put(msg).put(id);
        for (int i = 0; i < pad; i++) {
            buf.put((byte) pad);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return Base64.getEncoder().encodeToString(cipher.doFinal(buf.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
