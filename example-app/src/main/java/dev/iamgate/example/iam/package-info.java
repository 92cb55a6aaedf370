/**
 * The vocabulary of the demo's small IAM: the account and its ARNs, entity names, unique ids,
 * credential status and the error codes every refusal carries.
 */
package dev.iamgate.example.iam;
