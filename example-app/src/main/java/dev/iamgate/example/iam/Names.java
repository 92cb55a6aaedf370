package dev.iamgate.example.iam;

/**
 * IAM's rules for entity names: {@code [\w+=,.@-]}, with a length limit per kind of entity.
 * Path variables reach the application already restricted to these characters by the filter;
 * names in request bodies are checked here.
 */
public final class Names {

    public static final int USER_NAME_MAX = 64;
    public static final int POLICY_NAME_MAX = 128;
    public static final int MFA_DEVICE_NAME_MAX = 226;

    private Names() {}

    /** Whether {@code text} is 1 to {@code max} IAM name characters. */
    public static boolean isName(String text, int max) {
        if (text == null || text.isEmpty() || text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_+=,.@-".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code text} if it is a valid name, else throws {@code InvalidInput} naming the parameter. */
    public static String require(String parameter, String text, int max) {
        if (!isName(text, max)) {
            throw IamException.invalidInput(parameter + " must be 1 to " + max
                    + " characters of letters, digits and _+=,.@-");
        }
        return text;
    }
}
