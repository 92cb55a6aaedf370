/** IAM users and their console passwords, under the account password policy. */
package dev.iamgate.example.users;
