package dev.iamgate.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the policy files named on a command line, and words what goes wrong with one so that the
 * message names the file (the JDK's own messages for undecodable text, "Input length = 1", do not).
 */
final class PolicyFiles {

    private PolicyFiles() {}

    /**
     * A file's text, which must be UTF-8 throughout; a byte-order mark at its start (some editors
     * write one) is not part of it, as for the filter's policy files.
     */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = ByteOrderMark.startsAt(bytes, 0, bytes.length) ? ByteOrderMark.LENGTH : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never makes more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new NotUtf8Exception(String.format("%s: not UTF-8 text: byte 0x%02x at offset %d does not belong there",
                    file, bytes[at] & 0xFF, at));
        }
        return out.flip().toString();
    }

    /** What went wrong reading a file, naming it. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": " + (missing.getReason() != null ? missing.getReason()
                    : "no such file or directory");
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /** A file that is not UTF-8 text; the message names the file and the first byte that is wrong. */
    static final class NotUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;

        NotUtf8Exception(String message) {
            super(message);
        }
    }
}
