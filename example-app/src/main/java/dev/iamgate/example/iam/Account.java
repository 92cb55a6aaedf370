package dev.iamgate.example.iam;

/**
 * The one AWS-style account the demo serves, and the ARNs of its entities.
 *
 * @param id the 12-digit account id
 */
public record Account(String id) {

    public static final String DEFAULT_ID = "123456789012";

    public Account {
        if (id == null || !id.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("an account id is 12 digits, got " + id);
        }
    }

    /** {@code arn:aws:iam::ACCOUNT:user/NAME}. */
    public String userArn(String userName) {
        return "arn:aws:iam::" + id + ":user/" + userName;
    }

    /** The serial number of a virtual MFA device: {@code arn:aws:iam::ACCOUNT:mfa/NAME}. */
    public String mfaSerial(String deviceName) {
        return "arn:aws:iam::" + id + ":mfa/" + deviceName;
    }

    /** The device name of one of this account's virtual MFA serial numbers, or null if it is not one. */
    public String deviceNameOf(String serialNumber) {
        String prefix = "arn:aws:iam::" + id + ":mfa/";
        if (serialNumber == null || !serialNumber.startsWith(prefix)) {
            return null;
        }
        String name = serialNumber.substring(prefix.length());
        return Names.isName(name, Names.MFA_DEVICE_NAME_MAX) ? name : null;
    }
}
