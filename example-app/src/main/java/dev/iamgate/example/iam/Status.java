package dev.iamgate.example.iam;

/** Whether a credential can be used: {@code Active} or {@code Inactive}, as IAM spells them. */
public enum Status {
    Active,
    Inactive;

    /** Parses the {@code Status} parameter; anything but the two exact words is {@code InvalidInput}. */
    public static Status parse(String text) {
        if ("Active".equals(text)) {
            return Active;
        }
        if ("Inactive".equals(text)) {
            return Inactive;
        }
        throw IamException.invalidInput("Status must be Active or Inactive");
    }
}
