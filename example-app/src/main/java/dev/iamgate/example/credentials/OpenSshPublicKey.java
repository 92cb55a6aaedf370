package dev.iamgate.example.credentials;

import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An uploaded SSH public key in OpenSSH format ({@code ssh-rsa AAAA… comment}), checked by decoding
 * its wire format (RFC 4253 section 6.6, RFC 5656, RFC 8709): {@code ssh-rsa} of at least 2,048 bits,
 * {@code ssh-ed25519}, or {@code ecdsa-sha2-nistp256/384/521} with a point on its curve. Nothing
 * may follow the key's fields.
 *
 * @param type the key type, e.g. {@code ssh-ed25519}
 * @param body the uploaded text, surrounding whitespace removed
 * @param fingerprint MD5 of the key blob, colon-separated hex, as IAM shows it
 * @param subjectPublicKeyInfo the same key as X.509 SubjectPublicKeyInfo (DER), for PEM encoding
 */
public record OpenSshPublicKey(String type, String body, String fingerprint, byte[] subjectPublicKeyInfo) {

    /** IAM's limit on SSHPublicKeyBody. */
    public static final int MAX_LENGTH = 16 * 1024;
    public static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 16384;

    /** The curve of each ECDSA key type: SSH name and JCA name. */
    private static final Map<String, String[]> CURVES = Map.of(
            "ecdsa-sha2-nistp256", new String[] {"nistp256", "secp256r1"},
            "ecdsa-sha2-nistp384", new String[] {"nistp384", "secp384r1"},
            "ecdsa-sha2-nistp521", new String[] {"nistp521", "secp521r1"});

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /**
     * Parses and checks an uploaded key.
     *
     * @throws IamException {@code UnrecognizedPublicKeyEncoding} for text that is not an OpenSSH
     *     public key line, {@code InvalidPublicKey} for a key that does not decode or is too weak
     */
    public static OpenSshPublicKey parse(String uploaded) {
        if (uploaded == null || uploaded.isBlank()) {
            throw IamException.invalidInput("SSHPublicKeyBody is required");
        }
        if (uploaded.length() > MAX_LENGTH) {
            throw invalid("The key is longer than " + MAX_LENGTH + " characters.");
        }
        String body = uploaded.strip();
        if (body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
            throw unrecognized();
        }
        String[] fields = body.split("[ \t]+", 3);
        if (fields.length < 2) {
            throw unrecognized();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(fields[1]);
        } catch (IllegalArgumentException e) {
            throw invalid("The key data is not base64.");
        }
        Wire wire = new Wire(blob);
        String type = wire.text();
        if (!type.equals(fields[0])) {
            throw invalid("The key data is a " + type + " key, not " + fields[0] + ".");
        }
        byte[] spki = switch (type) {
            case "ssh-rsa" -> rsa(wire);
            case "ssh-ed25519" -> ed25519(wire);
            default -> {
                if (!CURVES.containsKey(type)) {
                    throw invalid("Key type " + type + " is not supported: use ssh-rsa (" + MIN_RSA_BITS
                            + " bits or more), ssh-ed25519 or ecdsa-sha2-nistp256/384/521.");
                }
                yield ecdsa(type, wire);
            }
        };
        if (wire.remaining() != 0) {
            throw invalid("The key data has bytes after the key.");
        }
        return new OpenSshPublicKey(type, body, md5Fingerprint(blob), spki);
    }

    /** The key as PEM ({@code -----BEGIN PUBLIC KEY-----}), IAM's other encoding. */
    public String pem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(subjectPublicKeyInfo);
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] rsa(Wire wire) {
        BigInteger exponent = wire.mpint();
        BigInteger modulus = wire.mpint();
        if (exponent.signum() <= 0 || !exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0
                || modulus.signum() <= 0 || !modulus.testBit(0)) {
            throw invalid("The RSA key's numbers are not a usable public key.");
        }
        if (modulus.bitLength() < MIN_RSA_BITS || modulus.bitLength() > MAX_RSA_BITS) {
            throw invalid("The RSA key has " + modulus.bitLength() + " bits; at least " + MIN_RSA_BITS + " are required.");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw invalid("The RSA key is not a usable public key.");
        }
    }

    private static byte[] ed25519(Wire wire) {
        byte[] key = wire.bytes();
        if (key.length != 32) {
            throw invalid("An Ed25519 key has 32 bytes, not " + key.length + ".");
        }
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(key, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        return spki;
    }

    private static byte[] ecdsa(String type, Wire wire) {
        String[] curve = CURVES.get(type);
        if (!curve[0].equals(wire.text())) {
            throw invalid("The key's curve does not match its type " + type + ".");
        }
        byte[] point = wire.bytes();
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curve[1]));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            int size = (spec.getCurve().getField().getFieldSize() + 7) / 8;
            if (point.length != 1 + 2 * size || point[0] != 4) {
                throw invalid("The ECDSA key is not an uncompressed point of " + curve[0] + ".");
            }
            BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size));
            BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length));
            if (!onCurve(spec.getCurve(), x, y)) {
                throw invalid("The ECDSA key's point is not on curve " + curve[0] + ".");
            }
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw invalid("The ECDSA key is not a usable public key.");
        }
    }

    /** y² = x³ + ax + b (mod p), with both coordinates in the field. */
    private static boolean onCurve(EllipticCurve curve, BigInteger x, BigInteger y) {
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    private static String md5Fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(blob);
            StringJoiner hex = new StringJoiner(":");
            for (byte b : digest) {
                hex.add(HexFormat.of().toHexDigits(b));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    private static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_PUBLIC_KEY, message);
    }

    private static IamException unrecognized() {
        return new IamException(ErrorCode.UNRECOGNIZED_PUBLIC_KEY_ENCODING,
                "The key is not in OpenSSH format: one line such as \"ssh-ed25519 AAAA… comment\".");
    }

    /** Reads SSH wire-format fields, refusing lengths that run past the end. */
    private static final class Wire {
        private final ByteBuffer buffer;

        Wire(byte[] blob) {
            this.buffer = ByteBuffer.wrap(blob);
        }

        byte[] bytes() {
            if (buffer.remaining() < 4) {
                throw invalid("The key data ends too early.");
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw invalid("The key data ends too early.");
            }
            byte[] out = new byte[length];
            buffer.get(out);
            return out;
        }

        String text() {
            byte[] raw = bytes();
            for (byte b : raw) {
                if (b < 0x21 || b > 0x7E) {
                    throw invalid("The key data does not start with a key type.");
                }
            }
            return new String(raw, StandardCharsets.US_ASCII);
        }

        BigInteger mpint() {
            byte[] raw = bytes();
            if (raw.length == 0) {
                return BigInteger.ZERO;
            }
            return new BigInteger(raw);
        }

        int remaining() {
            return buffer.remaining();
        }
    }
}
