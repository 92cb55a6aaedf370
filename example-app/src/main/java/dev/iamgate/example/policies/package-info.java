/**
 * Users' inline identity policies: validated before they are stored, served to the filter by a
 * JDBC {@link dev.iamgate.servlet.spi.PolicySource} whose revision moves with every write.
 */
package dev.iamgate.example.policies;
