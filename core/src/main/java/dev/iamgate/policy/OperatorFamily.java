package dev.iamgate.policy;

/** The families of condition operators, each comparing values its own way. */
public enum OperatorFamily {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
}
