/**
 * The HTTP edge: JSON and AWS-style errors, header credentials (access keys and temporary
 * credentials) for the iamgate filter, CSRF protection of browser sessions, security headers.
 */
package dev.iamgate.example.web;
