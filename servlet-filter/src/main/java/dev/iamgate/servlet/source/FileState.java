package dev.iamgate.servlet.source;

import dev.iamgate.policy.Policy;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * What a scan knows of one policy file.
 *
 * @param stamp size, modification time and identity when last read; null when it could not be read
 * @param recheck whether the next scan must read the file even if its stamp did not change (it was
 *     modified so recently that a second change could share its modification time)
 * @param digest SHA-256 of the content last read, null if never read
 * @param good the last version that parsed, in force; null if none ever did
 * @param parseProblem why the content last read did not parse, as reported; null if it parsed
 * @param readProblem why the file cannot be read now, as reported; null if it could
 */
record FileState(Stamp stamp, boolean recheck, byte[] digest, Policy good, String parseProblem, String readProblem) {

    /** Whether no version of this file ever parsed: the scopes it belongs to cannot be served. */
    boolean neverGood() {
        return good == null;
    }

    /** The identity of a file's content as far as the file system tells without reading it. */
    record Stamp(long size, FileTime modified, Object fileKey) {

        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        }

        boolean sameAs(Stamp other) {
            return other != null && size == other.size && modified.equals(other.modified)
                    && Objects.equals(fileKey, other.fileKey);
        }
    }
}
