/**
 * The JSON API behind the iamgate filter: one servlet, a router, and the handlers of each route
 * of {@code iam-routes.json}. Handlers trust the filter's decision for the route and act only on the
 * user the path names.
 */
package dev.iamgate.example.api;
