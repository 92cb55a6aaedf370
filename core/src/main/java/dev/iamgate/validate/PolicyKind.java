package dev.iamgate.validate;

/**
 * What a policy document is for. The grammar is the same for all of them; what differs is which
 * elements are required or forbidden, how strict the storing service is, and the size limit.
 *
 * <table>
 *   <caption>Rules by kind</caption>
 *   <tr><th>kind</th><th>Principal</th><th>Resource</th><th>size limit</th><th>Sid</th></tr>
 *   <tr><td>IDENTITY</td><td>forbidden</td><td>required</td>
 *       <td>see {@link Attachment}, whitespace excluded</td><td>IAM rules</td></tr>
 *   <tr><td>PERMISSIONS_BOUNDARY</td><td>forbidden</td><td>required</td>
 *       <td>6,144, whitespace excluded</td><td>IAM rules</td></tr>
 *   <tr><td>TRUST</td><td>required, no NotPrincipal</td><td>forbidden</td>
 *       <td>2,048, whitespace excluded</td><td>IAM rules</td></tr>
 *   <tr><td>RESOURCE</td><td>required</td><td>optional</td><td>none (per service)</td>
 *       <td>relaxed</td></tr>
 *   <tr><td>SERVICE_CONTROL</td><td>forbidden</td><td>optional</td>
 *       <td>5,120, whitespace counts</td><td>relaxed</td></tr>
 *   <tr><td>RESOURCE_CONTROL</td><td>required</td><td>optional</td>
 *       <td>5,120, whitespace counts</td><td>relaxed</td></tr>
 *   <tr><td>SESSION</td><td>forbidden</td><td>required</td>
 *       <td>2,048, whitespace excluded</td><td>relaxed</td></tr>
 * </table>
 *
 * "IAM rules" means what IAM enforces on documents it stores: Sids unique and alphanumeric, and
 * for identity policies and boundaries {@code "Version": "2012-10-17"}.
 */
public enum PolicyKind {
    /** An identity-based policy attached to a user, group or role (managed unless told). */
    IDENTITY(true),
    /** A managed policy used as a permissions boundary of a user or role. */
    PERMISSIONS_BOUNDARY(true),
    /** A role's trust policy (the resource-based policy on the role, for sts:AssumeRole*). */
    TRUST(true),
    /** A resource-based policy of another service: an S3 bucket policy, a KMS key policy, ... */
    RESOURCE(false),
    /** An AWS Organizations service control policy (SCP). */
    SERVICE_CONTROL(false),
    /** An AWS Organizations resource control policy (RCP). */
    RESOURCE_CONTROL(false),
    /** An inline session policy passed to sts:AssumeRole* or sts:GetFederationToken. */
    SESSION(false);

    private final boolean storedByIam;

    PolicyKind(boolean storedByIam) {
        this.storedByIam = storedByIam;
    }

    /**
     * Whether IAM itself stores documents of this kind and so applies its save-time rules to them
     * (unique alphanumeric Sids, for instance); other services are more lenient.
     */
    public boolean storedByIam() {
        return storedByIam;
    }
}
