/**
 * Built-in {@link dev.iamgate.servlet.spi.PolicySource}s: policy documents kept as JSON files in a
 * directory or a classpath folder, reloaded while the application runs. See
 * {@link dev.iamgate.servlet.source.DirectoryPolicySource} for the layout and for what happens when
 * a file is broken, unreadable or removed.
 */
package dev.iamgate.servlet.source;
