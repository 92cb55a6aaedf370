package dev.iamgate.example.mfa;

import dev.iamgate.example.iam.IamException;

/** Which virtual MFA devices ListVirtualMFADevices lists. */
public enum AssignmentStatus {
    Assigned,
    Unassigned,
    Any;

    /** Parses the parameter; absent means {@link #Any}. */
    public static AssignmentStatus parse(String text) {
        if (text == null) {
            return Any;
        }
        for (AssignmentStatus status : values()) {
            if (status.name().equals(text)) {
                return status;
            }
        }
        throw IamException.invalidInput("AssignmentStatus must be Assigned, Unassigned or Any");
    }
}
