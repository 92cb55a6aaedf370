package dev.iamgate.cli;

import dev.iamgate.validate.Attachment;
import dev.iamgate.validate.PolicyKind;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The lower-case option values of {@code iamgate validate}, read into the validator's types. */
final class ValidateOptionConverters {

    private ValidateOptionConverters() {}

    /** {@code --kind}: short names people type rather than enum constants. */
    static final class KindConverter implements ITypeConverter<PolicyKind> {

        private static final Map<String, PolicyKind> KINDS = Map.of(
                "identity", PolicyKind.IDENTITY,
                "boundary", PolicyKind.PERMISSIONS_BOUNDARY,
                "trust", PolicyKind.TRUST,
                "resource", PolicyKind.RESOURCE,
                "scp", PolicyKind.SERVICE_CONTROL,
                "rcp", PolicyKind.RESOURCE_CONTROL,
                "session", PolicyKind.SESSION);

        @Override
        public PolicyKind convert(String value) {
            PolicyKind kind = KINDS.get(value);
            if (kind == null) {
                throw new TypeConversionException("unknown policy kind '" + value
                        + "'; expected identity, boundary, trust, resource, scp, rcp or session");
            }
            return kind;
        }

        /** The option value naming {@code kind}. */
        static String name(PolicyKind kind) {
            return KINDS.entrySet().stream().filter(e -> e.getValue() == kind)
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
        }
    }

    /** {@code --inline user|group|role}. */
    static final class InlineConverter implements ITypeConverter<Attachment> {
        @Override
        public Attachment convert(String value) {
            return switch (value) {
                case "user" -> Attachment.USER_INLINE;
                case "group" -> Attachment.GROUP_INLINE;
                case "role" -> Attachment.ROLE_INLINE;
                default -> throw new TypeConversionException(
                        "unknown inline owner '" + value + "'; expected user, group or role");
            };
        }
    }

    /** {@code --format text|json}. */
    static final class FormatConverter implements ITypeConverter<ValidateReportWriter.Format> {
        @Override
        public ValidateReportWriter.Format convert(String value) {
            return switch (value) {
                case "text" -> ValidateReportWriter.Format.TEXT;
                case "json" -> ValidateReportWriter.Format.JSON;
                default -> throw new TypeConversionException(
                        "unknown format '" + value + "'; expected text or json");
            };
        }
    }
}
